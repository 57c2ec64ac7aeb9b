import type { TargetConfiguration } from '@nx/devkit';
import { externalDependencyInputs } from '../nx/external-dependency-inputs';

/** What a guard target reads and writes, for Nx's cache (local, remote, distributed). */
export interface GuardTargetSpec {
  executor: string;
  description: string;
  /** Nx inputs: what the result depends on; the tool's version as an external dependency. */
  inputs: TargetConfiguration['inputs'];
  /** Folders and files the run writes (its reports), `{projectRoot}` / `{workspaceRoot}` tokens allowed. */
  outputs: string[];
  options?: Record<string, unknown>;
  /** npm packages whose installed version is part of the cache key (see externalDependencyInputs). */
  externalDependencies?: string[];
  /** Absolute workspace root: where the lock file that says how Nx can hash `externalDependencies` is. */
  workspaceRoot: string;
}

/** An inferred guard target: cached, with the inputs and outputs the tool really reads and writes. */
export function guardTarget(spec: GuardTargetSpec): TargetConfiguration {
  const inputs = [...(spec.inputs ?? [])];
  inputs.push(...externalDependencyInputs(spec.workspaceRoot, spec.externalDependencies ?? []));
  return {
    executor: spec.executor,
    cache: true,
    inputs,
    outputs: spec.outputs,
    options: spec.options ?? {},
    metadata: { description: spec.description, technologies: ['shipshape'] },
  };
}
