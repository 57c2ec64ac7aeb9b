import { posix } from 'node:path';
import { DECLARATION_FILE, defineFact, libraryTsconfig, projectFiles, projectRelative } from '@shipshape/core';

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const OUTPUT_TO_SOURCE: Array<[RegExp, string[]]> = [
  [/\.d\.ts$/, ['.ts', '.tsx']],
  [/\.d\.mts$/, ['.mts']],
  [/\.d\.cts$/, ['.cts']],
  [/\.js$/, ['.ts', '.tsx', '.js', '.jsx']],
  [/\.mjs$/, ['.mts', '.mjs']],
  [/\.cjs$/, ['.cts', '.cjs']],
];

/**
 * From a build output to the source it is compiled from: the file itself when it is source; the same path
 * under rootDir when it is under the library tsconfig's outDir; `dist/x.js` or `lib/x.js` to `src/x.ts`.
 */
export const sourceMapper = defineFact({
  id: 'structure/source-mapper',
  inputs: [libraryTsconfig, projectFiles],
  compute: (project, tsconfig, files): ((path: string) => string | undefined) => {
    const isFile = (path: string) => project.workspace.source.isFile(path);
    const options = tsconfig?.compilerOptions ?? {};
    const srcDir = project.file('src');
    const rootDir =
      typeof options.rootDir === 'string' ? options.rootDir : files.some((f) => f.file.startsWith(`${srcDir}/`)) ? srcDir : project.root;
    const outDirs = [options.outDir, options.declarationDir].filter((d): d is string => typeof d === 'string');
    const findSource = (path: string): string | undefined => {
      if (SOURCE_EXTENSIONS.some((ext) => path.endsWith(ext)) && !DECLARATION_FILE.test(path) && isFile(path)) return path;
      for (const [pattern, extensions] of OUTPUT_TO_SOURCE) {
        if (!pattern.test(path)) continue;
        for (const ext of extensions) {
          const candidate = path.replace(pattern, ext);
          if (isFile(candidate)) return candidate;
        }
      }
      return undefined;
    };
    return (path) => {
      const direct = findSource(path);
      if (direct) return direct;
      for (const outDir of outDirs) {
        if (path.startsWith(`${outDir}/`)) {
          const rest = path.slice(outDir.length + 1);
          const mapped = findSource(posix.join(rootDir, rest)) ?? findSource(project.file(rest));
          if (mapped) return mapped;
        }
      }
      const local = /^(?:dist|lib|build|out)\/(?:src\/)?(.+)$/.exec(projectRelative(project.root, path));
      return local ? findSource(posix.join(rootDir, local[1])) : undefined;
    };
  },
});
