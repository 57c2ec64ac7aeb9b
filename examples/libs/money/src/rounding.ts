import Decimal from 'decimal.js';
import { money } from './money';
import type { Money, RoundingMode } from './types';

const DECIMAL_ROUNDING: Record<RoundingMode, Decimal.Rounding> = {
  'half-up': Decimal.ROUND_HALF_UP,
  'half-even': Decimal.ROUND_HALF_EVEN,
  'half-down': Decimal.ROUND_HALF_DOWN,
  up: Decimal.ROUND_UP,
  down: Decimal.ROUND_DOWN,
  ceil: Decimal.ROUND_CEIL,
  floor: Decimal.ROUND_FLOOR,
};

export const DEFAULT_ROUNDING: RoundingMode = 'half-even';

export function toDecimalRounding(mode: RoundingMode): Decimal.Rounding {
  const rounding = DECIMAL_ROUNDING[mode];
  if (rounding === undefined) {
    throw new RangeError(`Unknown rounding mode "${mode}"`);
  }
  return rounding;
}

export function roundTo(value: Decimal, places: number, mode: RoundingMode = DEFAULT_ROUNDING): Decimal {
  if (!Number.isInteger(places) || places < 0) {
    throw new RangeError(`places must be a non-negative integer, got ${places}`);
  }
  return value.toDecimalPlaces(places, toDecimalRounding(mode));
}

/** Rounds an amount to the minor units of its own currency (cents, pence, ...). */
export function roundMoney(m: Money, mode: RoundingMode = DEFAULT_ROUNDING): Money {
  return money(roundTo(m.amount, m.currency.minorUnits, mode), m.currency);
}

/**
 * Cash rounding to an increment that is not a power of ten, such as the
 * Swiss 0.05 CHF or the Swedish 1 SEK used for cash payments.
 */
export function roundToIncrement(m: Money, increment: Decimal.Value, mode: RoundingMode = 'half-up'): Money {
  const step = new Decimal(increment);
  if (step.lte(0)) {
    throw new RangeError('increment must be positive');
  }
  const steps = m.amount.div(step).toDecimalPlaces(0, toDecimalRounding(mode));
  return money(steps.times(step), m.currency);
}

export function isRounded(m: Money): boolean {
  return m.amount.decimalPlaces() <= m.currency.minorUnits;
}
