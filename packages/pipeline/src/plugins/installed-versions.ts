/**
 * The audit target's runtime input that names the installed Shipshape packages and their versions, so that
 * upgrading a check package invalidates cached audits whatever the package manager or lock file: every
 * `node_modules/@shipshape/<folder>/package.json`, as print-versions.ts reads them.
 *
 * Nx runs a runtime input's command through the shell on every command that hashes an audit. Starting Node for
 * it held the daemon's hashing threads 0.2 s and more (0.45 s of a 1.5 s warm run at 100 projects, with the
 * Python key); `cat` costs nothing. The manifests' whole text is a stamp of their names and versions (what npm
 * installs does not change between machines). Windows' shell has no `cat`: print-versions prints `name@version`
 * with Node there, so an audit hashed on Windows and one hashed elsewhere are not each other's cache hits.
 */
export function installedVersionsInput(platform: NodeJS.Platform = process.platform): string {
  return platform === 'win32'
    ? `node -e "require('@shipshape/pipeline/print-versions')"`
    : // No Shipshape folder (Yarn Plug'n'Play): the stamp is empty, as print-versions prints nothing there.
      'cat node_modules/@shipshape/*/package.json 2>/dev/null || true';
}
