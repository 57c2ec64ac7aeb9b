import { Node } from 'ts-morph';
import {
  defineCheck,
  projectLanguages,
  pythonAnalysis,
  type FindingInput,
  type PythonFileResult,
  type ShipshapeProject,
} from '@shipshape/core';
import { publicPythonApi } from './public-python';
import { publicTypescriptApi } from './public-typescript';

/** Prefixes that mark a name's status on purpose (React's `unstable_`, tRPC's `experimental_`): the rest is judged. */
const STATUS_PREFIX = /^(?:unstable|experimental|internal|deprecated|legacy|unsafe|UNSAFE|UNSTABLE|EXPERIMENTAL|DEPRECATED)_/;

/** `foo_bar`: lower-case words joined by underscores (UPPER_CASE and camelCase are other things). */
const SNAKE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/;
/** `fooBar` / `FooBar` with a `_word` inside: two conventions in one name. */
const MIXED = /^[A-Za-z][a-z0-9]*[A-Z][A-Za-z0-9]*_[A-Za-z0-9_]+$|^[A-Za-z][A-Za-z0-9]*_+[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*$/;

const bare = (name: string) => name.replace(/^[_$]+/, '').replace(STATUS_PREFIX, '');

function typescriptFindings(project: ShipshapeProject): FindingInput[] {
  const api = project.get(publicTypescriptApi);
  const findings: FindingInput[] = [];
  for (const { name, node, file, line, column } of api.declarations) {
    // a leading underscore (`__DO_NOT_USE__ActionTypes`) marks a name as internal on purpose
    if (name === 'default' || name.startsWith('_')) continue;
    const own = bare(name);
    if (own === '') continue;
    const kind = Node.isClassDeclaration(node)
      ? 'class'
      : Node.isInterfaceDeclaration(node)
        ? 'interface'
        : Node.isTypeAliasDeclaration(node)
          ? 'type'
          : Node.isEnumDeclaration(node)
            ? 'enum'
            : Node.isFunctionDeclaration(node)
              ? 'function'
              : Node.isVariableDeclaration(node)
                ? 'variable'
                : undefined;
    if (!kind) continue;
    if (kind === 'function' || kind === 'variable') {
      if (/^[A-Z0-9_]+$/.test(own)) continue; // UPPER_CASE constants
      if (/^[A-Za-z][A-Za-z0-9]*(?:_[0-9]+)+$/.test(own)) continue; // an algorithm's or version's name: sha3_256, keccak_512
      if (SNAKE.test(own) || MIXED.test(own))
        findings.push({
          message: `the public ${kind} ${name} is named in snake_case: TypeScript APIs name functions and values in camelCase (constants UPPER_CASE)`,
          file,
          line,
          column,
          key: `ts:${kind}:${name}`,
        });
    } else if (/^[a-z]/.test(own)) {
      // a generic type alias named like a function (`inferRouterInputs<T>`) is a type-level function, a convention of its own
      if (Node.isTypeAliasDeclaration(node) && node.getTypeParameters().length > 0) continue;
      // the type of a value of the same name (`type dataTagSymbol = typeof dataTagSymbol`)
      if (Node.isTypeAliasDeclaration(node) && /^typeof\s/.test(node.getTypeNode()?.getText() ?? '')) continue;
      // a proper name's lower-case prefix letter (`cShakeOpts` for cSHAKE, `iOSConfig`)
      if (/^[a-z][A-Z]/.test(own)) continue;
      findings.push({
        message: `the public ${kind} ${name} starts with a lower-case letter: TypeScript APIs name ${kind === 'class' ? 'classes' : 'types'} in PascalCase`,
        file,
        line,
        column,
        key: `ts:${kind}:${name}`,
      });
    }
  }
  return findings;
}

const PY_SNAKE = /^[a-z_][a-z0-9_]*$/;

/** The module also imports the name (a stub for when the import fails mirrors the real thing's name). */
const importsName = (result: PythonFileResult | undefined, name: string) =>
  !!result?.imports.some((r) => r.names.some((n, i) => (r.aliases[i] ?? n) === name) || (r.alias ?? r.module.split('.')[0]) === name);

async function pythonFindings(project: ShipshapeProject): Promise<FindingInput[]> {
  const api = await project.get(publicPythonApi);
  const analysis = await project.get(pythonAnalysis);
  const findings: FindingInput[] = [];
  const definedNames = new Set(api.names.map((n) => n.name));
  for (const entry of api.names) {
    const { name, definition } = entry;
    if (name.startsWith('_')) continue;
    if (definition.kind === 'function') {
      // a camelCase alias kept next to its snake_case name is backwards compatibility, not a convention broken
      const snake = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
      // CapWords functions stand in for a class (a factory, a fallback stub for an optional import): only camelCase is judged
      if (PY_SNAKE.test(name) || !/^_*[a-z]/.test(name) || definedNames.has(snake) || definition.value.name !== name) continue;
      if (importsName(analysis.files[entry.file], name)) continue;
      findings.push({
        message: `the public function ${name} is not snake_case (PEP 8): name it ${snake}${snake === name ? '' : `, and keep ${name} as an alias if callers use it`}`,
        file: entry.file,
        line: definition.value.line,
        column: definition.value.column,
        key: `py:function:${name}`,
      });
    }
  }
  return findings;
}

export default defineCheck({
  id: 'api/naming',
  title: 'Public names follow the language convention',
  planItem: 'api/facades',
  languages: ['typescript', 'python'],
  severity: 'info',
  description:
    'The public API (what the entry points and the top-level package export) names things one way. TypeScript: classes, interfaces, type aliases and enums in PascalCase (a generic type alias named like a function, `inferOutput<T>`, is a type-level function and left alone); functions and values in camelCase (PascalCase and UPPER_CASE values are allowed: components, constants). Python (PEP 8): functions in snake_case; camelCase ones are reported (CapWords ones stand in for a class: factories, stubs of an optional import), and lower-case classes are not, as PEP 8 allows them for classes used as callables (`httpx.codes`). Names with a leading underscore or a status prefix (`unstable_`, `experimental_`), algorithm names (`sha3_256`), the prefix letter of a proper name (`cShakeOpts`), types of a same-named value (`typeof x`), and camelCase aliases kept next to their snake_case name are left alone; variables are not judged in Python.',
  run: async (project) => {
    const languages = project.get(projectLanguages);
    return [
      ...(languages.includes('typescript') ? typescriptFindings(project) : []),
      ...(languages.includes('python') ? await pythonFindings(project) : []),
    ];
  },
});
