import type { DepsOptions } from '../../options';

/** The range to declare an installed version with, in the configured style. */
export function rangeFor(version: string, style: NonNullable<DepsOptions['rangeStyle']>): string {
  return style === 'tilde' ? `~${version}` : `^${version}`;
}
