import Decimal from 'decimal.js';
import { resolveCurrency, type Currency } from '../currency';
import { money } from '../money';
import type { Money } from '../types';
import { assertSafeInteger } from './assert';

// Minor units are what payment providers and ledgers store: 1999 for 19.99 EUR,
// 1999 for 1999 JPY, 1999 for 1.999 KWD.

export function scaleOf(currency: Currency): Decimal {
  return new Decimal(10).pow(currency.minorUnits);
}

export function toMinorUnits(m: Money, rounding: Decimal.Rounding = Decimal.ROUND_HALF_EVEN): number {
  const units = m.amount.times(scaleOf(m.currency)).toDecimalPlaces(0, rounding).toNumber();
  assertSafeInteger(units, 'amount in minor units');
  return units;
}

export function fromMinorUnits(units: number | string, currency: string | Currency): Money {
  const cur = resolveCurrency(currency);
  const value = new Decimal(units);
  if (!value.isInteger()) {
    throw new RangeError(`minor units must be an integer, got ${String(units)}`);
  }
  return money(value.div(scaleOf(cur)), cur);
}
