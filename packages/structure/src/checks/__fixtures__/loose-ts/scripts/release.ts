process.stdout.write('releasing @acme/loose\n');
