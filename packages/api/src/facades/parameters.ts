import { Node, type ParameterDeclaration } from 'ts-morph';
import { defineCheck, projectLanguages, type FindingInput, type ShipshapeProject } from '@shipshape/core';
import { positionalParameters, pythonCallables, typescriptCallables } from './callables';
import { facadeOptions } from './options';
import { publicPythonApi, type PythonParameter } from './public-python';
import { positionOf, publicTypescriptApi } from './public-typescript';

/** The parameters a TypeScript caller passes by position (`this` left out). */
const tsPositional = (parameters: ParameterDeclaration[]) => parameters.filter((p) => p.getName() !== 'this');

// ---- long positional lists ----

function longTypescript(project: ShipshapeProject, max: number): FindingInput[] {
  const seen = new Set<string>();
  return typescriptCallables(project.get(publicTypescriptApi).declarations).flatMap((callable) => {
    const count = tsPositional(callable.parameters).filter((p) => !p.isRestParameter()).length;
    if (count <= max || seen.has(callable.label)) return [];
    seen.add(callable.label);
    return [
      {
        message: `${callable.label} takes ${count} positional parameters (more than ${max}): callers cannot tell them apart at the call site; take an options object for the optional ones`,
        file: callable.file,
        line: callable.line,
        column: callable.column,
        key: `ts:${callable.label}`,
      },
    ];
  });
}

async function longPython(project: ShipshapeProject, max: number): Promise<FindingInput[]> {
  return pythonCallables(await project.get(publicPythonApi)).flatMap((callable) => {
    const count = positionalParameters(callable).length;
    if (count <= max) return [];
    return [
      {
        message: `${callable.label} takes ${count} parameters that can be passed by position (more than ${max}): make the optional ones keyword-only (after a bare *)`,
        file: callable.file,
        line: callable.fn.line,
        column: callable.fn.column,
        key: `py:${callable.label}`,
      },
    ];
  });
}

export const longParameterList = defineCheck({
  id: 'api/long-parameter-list',
  title: 'No long positional parameter lists in the public API',
  planItem: 'api/facades',
  languages: ['typescript', 'python'],
  severity: 'info',
  description:
    "A public function or method (constructors included) with more positional parameters than `facades.maxPositionalParameters` (default 4): the call site `f(a, b, c, d, e)` cannot be read, and every new parameter goes last. TypeScript: an options object; Python: keyword-only parameters after `*`. Overloads are judged separately; a Python method that overrides a base class (its signature is the base's) is left out.",
  run: async (project) => {
    const { maxPositionalParameters: max } = facadeOptions(project);
    const languages = project.get(projectLanguages);
    return [
      ...(languages.includes('typescript') ? longTypescript(project, max) : []),
      ...(languages.includes('python') ? await longPython(project, max) : []),
    ];
  },
});

// ---- boolean positional parameters ----

const BOOLEAN_TYPE = /^(?:boolean|true|false)(?:\s*\|\s*(?:undefined|null|boolean|true|false))*$/;

/**
 * An optional boolean a caller passes as a bare `true` / `false`: a flag that switches behaviour. A required
 * boolean is data (`assert(condition, message)`), not a switch.
 */
function isBooleanFlag(parameter: ParameterDeclaration): boolean {
  const type = parameter.getTypeNode();
  const init = parameter.getInitializer();
  const optional = parameter.hasQuestionToken() || init !== undefined || /\bundefined\b/.test(type?.getText() ?? '');
  if (!optional) return false;
  if (type) return BOOLEAN_TYPE.test(type.getText().replace(/[()]/g, '').trim());
  return !!init && (Node.isTrueLiteral(init) || Node.isFalseLiteral(init));
}

function booleanTypescript(project: ShipshapeProject): FindingInput[] {
  const seen = new Set<string>();
  return typescriptCallables(project.get(publicTypescriptApi).declarations).flatMap((callable) => {
    const positional = tsPositional(callable.parameters);
    // a lone boolean (`setEnabled(true)`) says what it is through the function's name
    if (positional.length < 2) return [];
    return positional.filter(isBooleanFlag).flatMap((parameter) => {
      const key = `ts:${callable.label}:${parameter.getName()}`;
      if (seen.has(key)) return [];
      seen.add(key);
      return [
        {
          message: `${callable.label} takes the boolean ${parameter.getName()} by position: a call reads f(x, true); take it in an options object ({ ${parameter.getName()}: true })`,
          ...positionOf(parameter),
          key,
        },
      ];
    });
  });
}

const PY_BOOL = /^(?:bool|builtins\.bool|Optional\[bool\]|typing\.Optional\[bool\]|bool \| None|None \| bool)$/;
/** A boolean flag: a parameter defaulting to True/False, or annotated bool with a default (a required bool is data). */
const isPythonBoolean = (p: PythonParameter) =>
  p.default === 'true' || p.default === 'false' || (p.default !== null && p.annotation !== null && PY_BOOL.test(p.annotation));

async function booleanPython(project: ShipshapeProject): Promise<FindingInput[]> {
  return pythonCallables(await project.get(publicPythonApi)).flatMap((callable) => {
    const positional = positionalParameters(callable);
    if (positional.length < 2) return [];
    return positional.filter(isPythonBoolean).map((parameter) => ({
      message: `${callable.label} takes the boolean ${parameter.name} by position: a call reads f(x, True); make it keyword-only (after a bare *)`,
      file: callable.file,
      line: parameter.line,
      column: parameter.column,
      key: `py:${callable.label}:${parameter.name}`,
    }));
  });
}

export const booleanParameter = defineCheck({
  id: 'api/boolean-parameter',
  title: 'No boolean positional parameters in the public API',
  planItem: 'api/facades',
  languages: ['typescript', 'python'],
  severity: 'info',
  description:
    'A public function or method that takes a boolean by position next to other parameters: `send(request, true, false)` cannot be read without the signature. Only flags are judged: TypeScript, an optional parameter typed `boolean` (or defaulting to true/false); Python, one defaulting to True/False (or annotated `bool` with a default), before `*`. A required boolean is data (`assert(condition, message)`), and a function whose only parameter is the boolean says what it is through its name: both are left alone, and so is a Python method that overrides a base class.',
  run: async (project) => {
    const languages = project.get(projectLanguages);
    return [
      ...(languages.includes('typescript') ? booleanTypescript(project) : []),
      ...(languages.includes('python') ? await booleanPython(project) : []),
    ];
  },
});
