import { analysisCheck } from './analysis-check';

export default analysisCheck('deps/unused-dependency', 'warning', 'unused', {
  title: 'Every declared dependency is used',
  description:
    "A declared dependency that nothing uses costs every user an install. Used means: an import, a `/// <reference types>`, a package.json script (binaries, `--require` and `--plugin` modules, hooks), a tool's configuration (the workspace's too), a tsconfig (`types`, inherited through `extends`), TypeScript sources (typescript), a peer of a declared package, `@types/x` wherever `x` is used and `@types/node` wherever a Node.js built-in or global is; Python: an extra that serves a dependency's optional feature or an entry point. Peer dependencies and Python development groups are not checked. A warning where the installation was read; info for Python and for devDependencies of an uninstalled workspace, whose binaries and peers are guessed.",
});
