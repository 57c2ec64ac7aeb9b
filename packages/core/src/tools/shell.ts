/** What a package.json script runs from packages: binaries, and modules preloaded with `node -r`/`--import`. */
export type ScriptReference = { kind: 'bin'; name: string } | { kind: 'module'; name: string };

const WRAPPERS = new Set(['npx', 'pnpx', 'bunx', 'cross-env', 'dotenv', 'env', 'time', 'nohup', 'exec', 'sudo']);
/** Wrappers that are packages of their own (declared in devDependencies), not shell built-ins or npm's. */
const PACKAGE_WRAPPERS = new Set(['cross-env', 'dotenv']);
const PACKAGE_MANAGERS = new Set(['npm', 'yarn', 'pnpm', 'bun']);
const PM_EXEC = new Set(['exec', 'dlx', 'x']);
const NODE_PRELOAD = new Set(['-r', '--require', '--import', '--loader', '--experimental-loader']);
/** Options of any tool whose value is a module it loads: `mocha -r ts-node/register`, `prettier --plugin=x`. */
const MODULE_OPTIONS = new Set([...NODE_PRELOAD, '--plugin', '--preset', '--parser', '--config-loader']);
/** Package-manager commands: `yarn <word>` runs a binary of that name only when the word is none of these (nor a script). */
const PM_COMMANDS = new Set([
  'add',
  'audit',
  'bin',
  'build',
  'cache',
  'config',
  'constraints',
  'create',
  'dedupe',
  'dlx',
  'exec',
  'global',
  'i',
  'import',
  'info',
  'init',
  'install',
  'link',
  'list',
  'login',
  'logout',
  'ls',
  'node',
  'outdated',
  'pack',
  'patch',
  'plugin',
  'prune',
  'publish',
  'rebuild',
  'recursive',
  'remove',
  'restart',
  'root',
  'run',
  'set',
  'start',
  'stop',
  'store',
  'test',
  'unlink',
  'up',
  'update',
  'upgrade',
  'version',
  'why',
  'whoami',
  'workspace',
  'workspaces',
  'x',
]);
/** Runners whose quoted arguments are commands of their own: `concurrently "tsc -w" "vite"`, `nodemon --exec "tsx src/x.ts"`. */
const COMMAND_RUNNERS = new Set([
  'concurrently',
  'nodemon',
  'onchange',
  'chokidar',
  'watch',
  'cross-env-shell',
  'start-server-and-test',
  'wait-on',
]);
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
 * `npm exec`/`pnpm dlx`, `yarn <binary>` (a word that is no command of the package manager and no script of
 * `scripts`), `node -r module` and the modules other tools are given (`--require`, `--plugin`), and the quoted
 * commands of runners such as concurrently.
 */
export function scriptReferences(command: string, scripts: ReadonlySet<string> = new Set()): ScriptReference[] {
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
        if (PACKAGE_WRAPPERS.has(word)) references.push({ kind: 'bin', name: word });
        i++;
        while (i < words.length && words[i].startsWith('-')) i += words[i] === '-p' || words[i] === '--package' ? 2 : 1;
        if (word === 'dotenv' && words[i] === '--') i++;
        skipAssignments();
      } else if (PACKAGE_MANAGERS.has(word) && PM_EXEC.has(words[i + 1] ?? '')) {
        i += 2;
        while (i < words.length && words[i].startsWith('-')) i++;
      } else if (PACKAGE_MANAGERS.has(word) && word !== 'npm' && runsBinary(words, i + 1, scripts)) {
        i += words[i + 1] === 'run' ? 2 : 1;
      } else break;
    }
    const word = words[i];
    // `./node_modules/.bin/coveralls` is the binary coveralls; `npx @typescript/analyze-trace` runs that package's binary.
    const bin = word?.replace(/^(\.\/)?node_modules\/\.bin\//, '');
    const afterRunner = i > 0 && ['npx', 'pnpx', 'bunx', 'dlx', 'exec', 'x'].includes(words[i - 1] ?? '');
    if (bin && afterRunner && /^@[\w.-]+\/[\w.-]+(@[^\s]*)?$/.test(bin)) {
      references.push({ kind: 'module', name: bin.replace(/(.)@[^/]*$/, '$1') });
      continue;
    }
    if (!bin || PACKAGE_MANAGERS.has(bin) || NOT_PACKAGES.has(bin) || /[/$`]/.test(bin)) {
      if (bin === 'node') references.push(...moduleOptions(words.slice(i + 1), NODE_PRELOAD));
      continue;
    }
    references.push({ kind: 'bin', name: bin }, ...moduleOptions(words.slice(i + 1), MODULE_OPTIONS));
    if (COMMAND_RUNNERS.has(bin)) {
      for (const argument of words.slice(i + 1)) if (/\s/.test(argument)) references.push(...scriptReferences(argument, scripts));
    }
  }
  return references;
}

/** `yarn jest`, `pnpm run tsc`: the word after the package manager (after `run`) is a binary when it is no command of it and no script. */
function runsBinary(words: string[], at: number, scripts: ReadonlySet<string>): boolean {
  const word = words[at] === 'run' ? words[at + 1] : words[at];
  return word !== undefined && !word.startsWith('-') && !scripts.has(word) && (words[at] === 'run' || !PM_COMMANDS.has(word));
}

/** The modules given to options that load one (`-r x`, `--require=x`, `--plugin x`); paths are not packages. */
function moduleOptions(args: string[], options: ReadonlySet<string>): ScriptReference[] {
  const found: ScriptReference[] = [];
  for (let i = 0; i < args.length; i++) {
    const [option, inline] = args[i].split(/=(.*)/s);
    const value = inline ?? (options.has(option) ? args[i + 1] : undefined);
    if (options.has(option) && value && !/^[./]/.test(value)) found.push({ kind: 'module', name: value });
  }
  return found;
}

function tokenize(segment: string): string[] {
  const words: string[] = [];
  for (const match of segment.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) words.push(match[1] ?? match[2] ?? match[3]);
  return words;
}
