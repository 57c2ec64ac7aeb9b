import { CURRENCY_DATA } from './currency-data';
import { UnknownCurrencyError } from './errors';

export type CurrencyCode = keyof typeof CURRENCY_DATA;

/** An ISO 4217 currency as this library knows it. */
export interface Currency {
  readonly code: CurrencyCode;
  /** Number of digits after the decimal separator (2 for EUR, 0 for JPY, 3 for KWD). */
  readonly minorUnits: number;
  readonly symbol: string;
  readonly name: string;
}

const cache = new Map<string, Currency>();

/** Returns true when `code` is an ISO 4217 code listed in the currency table. */
export function isCurrencyCode(code: string): code is CurrencyCode {
  return Object.prototype.hasOwnProperty.call(CURRENCY_DATA, code);
}

/**
 * Looks a currency up by its code. The code is trimmed and upper-cased first,
 * so `' eur'` works; an unknown code throws {@link UnknownCurrencyError}.
 */
export function getCurrency(code: string): Currency {
  const normalized = code.trim().toUpperCase();
  const hit = cache.get(normalized);
  if (hit) {
    return hit;
  }
  if (!isCurrencyCode(normalized)) {
    throw new UnknownCurrencyError(code);
  }
  const currency: Currency = Object.freeze({ code: normalized, ...CURRENCY_DATA[normalized] });
  cache.set(normalized, currency);
  return currency;
}

export function listCurrencies(): Currency[] {
  return (Object.keys(CURRENCY_DATA) as CurrencyCode[]).map((code) => getCurrency(code));
}

export function resolveCurrency(currency: string | Currency): Currency {
  return typeof currency === 'string' ? getCurrency(currency) : currency;
}

export function sameCurrency(a: Currency, b: Currency) {
  return a.code === b.code;
}
