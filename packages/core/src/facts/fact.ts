import type { ShipshapeProject } from './shipshape-project';
import type { ShipshapeWorkspace } from './shipshape-workspace';

/** A fact about one project, computed on first use and kept for the run (an audit, a generator step). */
export interface ProjectFact<T> {
  readonly id: string;
  readonly scope: 'project';
  readonly description?: string;
  readonly inputs: readonly AnyFact[];
  compute(project: ShipshapeProject): T;
}

/** A fact about the whole workspace, computed once per run and shared by every project of it. */
export interface WorkspaceFact<T> {
  readonly id: string;
  readonly scope: 'workspace';
  readonly description?: string;
  readonly inputs: readonly WorkspaceFact<unknown>[];
  compute(workspace: ShipshapeWorkspace): T;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of facts of any value type
export type AnyFact = ProjectFact<any> | WorkspaceFact<any>;

/** The value a fact gives (a Promise for an asynchronous fact). */
export type FactValue<F> = F extends ProjectFact<infer T> ? T : F extends WorkspaceFact<infer T> ? T : never;

type Values<I extends readonly AnyFact[]> = { [K in keyof I]: FactValue<I[K]> };

const FACT_ID = /^[a-z0-9-]+(\/[a-z0-9-]+)+$/;

/** What both kinds of fact are declared with: an id, the facts it is computed from, and the computation. */
interface FactSpec<C, T, I extends readonly AnyFact[]> {
  id: string;
  description?: string;
  inputs?: I;
  compute: (context: C, ...inputs: Values<I>) => T;
}

function declare<C extends { get(fact: AnyFact): unknown }, T, I extends readonly AnyFact[], S extends 'project' | 'workspace'>(
  scope: S,
  spec: FactSpec<C, T, I>,
) {
  if (!FACT_ID.test(spec.id)) throw new Error(`Fact id "${spec.id}" must look like "<area>/<name>" in lower-case kebab case.`);
  const inputs = spec.inputs ?? ([] as unknown as I);
  return Object.freeze({
    id: spec.id,
    scope,
    description: spec.description,
    inputs,
    compute: (context: C): T => spec.compute(context, ...(inputs.map((input): unknown => context.get(input)) as Values<I>)),
  });
}

/**
 * Declares a project fact: an id, the facts it is computed from (their values are passed after the project,
 * in order), and the computation. A fact that throws is recorded once with its error, and every check or fact
 * that needs it gets the same error.
 */
export function defineFact<T, const I extends readonly AnyFact[] = []>(spec: FactSpec<ShipshapeProject, T, I>): ProjectFact<T> {
  return declare('project', spec);
}

/** Declares a workspace fact; its inputs are workspace facts. */
export function defineWorkspaceFact<T, const I extends readonly WorkspaceFact<unknown>[] = []>(
  spec: FactSpec<ShipshapeWorkspace, T, I>,
): WorkspaceFact<T> {
  return declare('workspace', spec);
}

/** The fact whose computation first threw an error, kept on the error so that it is reported once, by that fact. */
const FAILED_FACT = Symbol('shipshape.failedFact');

export function failedFactOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null ? (error as { [FAILED_FACT]?: string })[FAILED_FACT] : undefined;
}

function markFailed(error: unknown, factId: string): unknown {
  if (typeof error === 'object' && error !== null && failedFactOf(error) === undefined) {
    Object.defineProperty(error, FAILED_FACT, { value: factId, enumerable: false });
  }
  return error;
}

type Entry = { value: unknown } | { error: unknown };

/** The values of the facts computed so far in one context (a project, or the workspace). */
export class FactMemo<C> {
  private readonly entries = new Map<AnyFact, Entry>();

  constructor(private readonly context: C) {}

  get<T>(fact: { id: string; compute(context: C): T }): T {
    const key = fact as unknown as AnyFact;
    let entry = this.entries.get(key);
    if (!entry) {
      try {
        const value = fact.compute(this.context);
        entry = {
          value: value instanceof Promise ? value.catch((error: unknown) => Promise.reject(markFailed(error, fact.id) as Error)) : value,
        };
      } catch (error) {
        entry = { error: markFailed(error, fact.id) };
      }
      this.entries.set(key, entry);
    }
    if ('error' in entry) throw entry.error;
    return entry.value as T;
  }

  /** Forgets every value: the next `get` computes again. */
  clear(): void {
    this.entries.clear();
  }
}
