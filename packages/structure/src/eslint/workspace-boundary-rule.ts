import { defineFact, projectTools } from '@shipshape/core';
import { findBoundaryRule, type BoundaryRule } from './boundary-rule';

/** A flat config (`eslint.config.*`) at the workspace root: where Nx puts the module boundary rule. */
const ROOT_FLAT_CONFIG = /^eslint\.config\.[cm]?[jt]s$/;

/**
 * `@nx/enforce-module-boundaries` in the workspace's root ESLint flat config, with the file it is in;
 * undefined without ESLint, or without the rule.
 */
export const workspaceBoundaryRule = defineFact({
  id: 'structure/workspace-boundary-rule',
  inputs: [projectTools],
  compute: (_project, tools): { file: string; rule: BoundaryRule } | undefined => {
    const config = tools.find((t) => t.adapter.name === 'eslint')?.configs.find((c) => ROOT_FLAT_CONFIG.test(c.file));
    const rule = config && findBoundaryRule(config.file, config.text);
    return config && rule ? { file: config.file, rule } : undefined;
  },
});
