import Decimal from 'decimal.js';
import { resolveCurrency, type Currency } from './currency';
import { assertSameCurrency } from './internal/assert';
import type { Money, MoneyInput } from './types';

/**
 * Creates an amount of money. The amount keeps full precision; round it with
 * `roundMoney()` when it has to match the currency's minor units.
 *
 * @example money('19.99', 'EUR')
 */
export function money(amount: MoneyInput, currency: string | Currency): Money {
  const value = new Decimal(amount);
  if (!value.isFinite()) {
    throw new RangeError(`Amount must be a finite number, got ${String(amount)}`);
  }
  return Object.freeze({ amount: value, currency: resolveCurrency(currency) });
}

export function zero(currency: string | Currency): Money {
  return money(0, currency);
}

export function add(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amount.plus(b.amount), a.currency);
}

export function subtract(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amount.minus(b.amount), a.currency);
}

export function multiply(m: Money, factor: MoneyInput): Money {
  return money(m.amount.times(factor), m.currency);
}

/** `percentage(money('200', 'EUR'), 19)` is 38 EUR. */
export function percentage(m: Money, percent: MoneyInput): Money {
  return money(m.amount.times(percent).div(100), m.currency);
}

export function negate(m: Money): Money {
  return money(m.amount.neg(), m.currency);
}

/**
 * Sums a list of amounts. An empty list needs the currency to be given, since
 * there is no amount to take it from.
 */
export function sum(items: readonly Money[], currency?: string | Currency): Money {
  const first = items[0];
  if (!first && currency === undefined) {
    throw new RangeError('sum() of an empty list needs a currency');
  }
  return items.reduce((total, item) => add(total, item), zero(currency ?? first.currency));
}

export function compare(a: Money, b: Money): -1 | 0 | 1 {
  assertSameCurrency(a, b);
  return a.amount.cmp(b.amount) as -1 | 0 | 1;
}

export function equals(a: Money, b: Money): boolean {
  return a.currency.code === b.currency.code && a.amount.eq(b.amount);
}

export function isZero(m: Money) {
  return m.amount.isZero();
}

export function isNegative(m: Money) {
  return m.amount.isNegative() && !m.amount.isZero();
}

export function toJSON(m: Money) {
  return { amount: m.amount.toFixed(), currency: m.currency.code };
}
