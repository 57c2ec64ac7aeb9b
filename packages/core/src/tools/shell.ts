/** What a package.json script runs from packages: binaries, and modules preloaded with `node -r`/`--import`. */
export type ScriptReference = { kind: 'bin'; name: string } | { kind: 'module'; name: string };

const WRAPPERS = new Set(['npx', 'pnpx', 'bunx', 'cross-env', 'dotenv', 'env', 'time', 'nohup', 'exec', 'sudo']);
const PACKAGE_MANAGERS = new Set(['npm', 'yarn', 'pnpm', 'bun']);
const PM_EXEC = new Set(['exec', 'dlx', 'x']);
const NODE_PRELOAD = new Set(['-r', '--require', '--import', '--loader', '--experimental-loader']);
const NOT_PACKAGES = new Set([
  'node',
  'cd',
  'echo',
  'rm',
  'cp',
  'mv',
  'mkdir',
  'exit',
  'true',
  'false',
  'test',
  'export',
  'set',
  'source',
  '.',
  'sleep',
  'cat',
  'chmod',
  'ls',
  'touch',
  'printf',
  'sh',
  'bash',
  'git',
  '[',
  'if',
  'then',
  'fi',
  'else',
  'do',
  'done',
  'for',
  'while',
]);

/**
 * The packages a script command line refers to. The shell syntax understood is what package.json scripts
 * use: `&&`, `||`, `;`, `|` between commands, `VAR=value` prefixes, `npx`/`cross-env`-style wrappers,
 * `npm exec`/`pnpm dlx`, and `node -r module`.
 */
export function scriptReferences(command: string): ScriptReference[] {
  const references: ScriptReference[] = [];
  for (const segment of command.split(/&&|\|\||[;|&\n]/)) {
    const words = tokenize(segment);
    let i = 0;
    const skipAssignments = () => {
      while (i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i])) i++;
    };
    skipAssignments();
    while (i < words.length) {
      const word = words[i];
      if (WRAPPERS.has(word)) {
        i++;
        while (i < words.length && words[i].startsWith('-')) i += words[i] === '-p' || words[i] === '--package' ? 2 : 1;
        if (word === 'dotenv' && words[i] === '--') i++;
        skipAssignments();
      } else if (PACKAGE_MANAGERS.has(word) && PM_EXEC.has(words[i + 1] ?? '')) {
        i += 2;
        while (i < words.length && words[i].startsWith('-')) i++;
      } else break;
    }
    const bin = words[i];
    if (!bin || PACKAGE_MANAGERS.has(bin) || NOT_PACKAGES.has(bin) || /[/$`]/.test(bin)) {
      if (bin === 'node') references.push(...preloads(words.slice(i + 1)));
      continue;
    }
    references.push({ kind: 'bin', name: bin });
  }
  return references;
}

function preloads(args: string[]): ScriptReference[] {
  const found: ScriptReference[] = [];
  for (let i = 0; i < args.length - 1; i++) {
    if (NODE_PRELOAD.has(args[i]) && !/^[./]/.test(args[i + 1])) found.push({ kind: 'module', name: args[i + 1] });
  }
  return found;
}

function tokenize(segment: string): string[] {
  const words: string[] = [];
  for (const match of segment.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) words.push(match[1] ?? match[2] ?? match[3]);
  return words;
}
