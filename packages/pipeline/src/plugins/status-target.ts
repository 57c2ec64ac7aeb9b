import type { TargetConfiguration } from '@nx/devkit';
import { DEFAULTS, type ResolvedOptions } from '@shipshape/core/plugin';

/**
 * The workspace-level status target, on the root project. It runs the audits of the enrolled projects
 * through Nx (cached ones are not redone) and reads their reports; not cached itself, as it depends on the
 * date and appends to the history.
 */
export function statusProject(options: ResolvedOptions): { targets: Record<string, TargetConfiguration> } {
  const target: TargetConfiguration = {
    executor: '@shipshape/pipeline:status',
    cache: false,
    options: {
      ...(options.targetName === DEFAULTS.targetName ? {} : { auditTargetName: options.targetName }),
      ...(options.reportsDir === DEFAULTS.reportsDir ? {} : { reportsDir: options.reportsDir }),
    },
    metadata: {
      description:
        'Where every enrolled project stands on the ten-week Shipshape plan: terminal table, Markdown, JSON, history and an HTML dashboard.',
      technologies: ['shipshape'],
    },
  };
  return { targets: { [options.statusTargetName]: target } };
}
