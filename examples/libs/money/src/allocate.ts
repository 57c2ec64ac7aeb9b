import { AllocationError } from './errors';
import { fromMinorUnits, toMinorUnits } from './internal/minor-units';
import type { Money } from './types';

/**
 * Splits `total` into parts proportional to `ratios` without losing or
 * inventing a cent. Each part first gets the floor of its exact share in
 * minor units; the units left over go one by one to the parts with the
 * largest fractional remainder (ties to the earlier part).
 *
 * @example allocate(money('100', 'EUR'), [1, 1, 1]) // 33.34, 33.33, 33.33
 */
export function allocate(total: Money, ratios: readonly number[]): Money[] {
  if (ratios.length === 0) {
    throw new AllocationError('at least one ratio is required');
  }
  if (ratios.some((ratio) => !Number.isFinite(ratio) || ratio < 0)) {
    throw new AllocationError('ratios must be finite and non-negative');
  }
  const ratioSum = ratios.reduce((acc, ratio) => acc + ratio, 0);
  if (ratioSum === 0) {
    throw new AllocationError('ratios must not all be zero');
  }

  const units = toMinorUnits(total);
  const sign = units < 0 ? -1 : 1;
  const absolute = Math.abs(units);
  const exact = ratios.map((ratio) => (absolute * ratio) / ratioSum);
  const parts = exact.map((share) => Math.floor(share));
  let remainder = absolute - parts.reduce((acc, part) => acc + part, 0);

  const order = exact
    .map((share, index) => ({ index, fraction: share - Math.floor(share) }))
    .sort((a, b) => b.fraction - a.fraction || a.index - b.index);
  for (let i = 0; remainder > 0; i++, remainder--) {
    parts[order[i % order.length].index] += 1;
  }
  return parts.map((part) => fromMinorUnits(sign * part, total.currency));
}

/** Splits `total` into `count` parts that differ by at most one minor unit. */
export function split(total: Money, count: number): Money[] {
  if (!Number.isInteger(count) || count < 1) {
    throw new AllocationError(`count must be a positive integer, got ${count}`);
  }
  return allocate(total, new Array<number>(count).fill(1));
}
