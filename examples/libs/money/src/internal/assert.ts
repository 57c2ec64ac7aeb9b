import { CurrencyMismatchError } from '../errors';
import type { Money } from '../types';

export function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency.code !== b.currency.code) {
    throw new CurrencyMismatchError(a.currency.code, b.currency.code);
  }
}

export function assertSafeInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${what} must be a safe integer, got ${value}`);
  }
}
