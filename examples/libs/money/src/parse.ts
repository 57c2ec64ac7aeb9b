import Decimal from 'decimal.js';
import { resolveCurrency, type Currency } from './currency';
import { MoneyParseError } from './errors';
import { money } from './money';
import type { Money } from './types';

export interface ParseOptions {
  /** Locale whose decimal separator the input uses; `en-US` when omitted. */
  locale?: string;
  /** Reject more fraction digits than the currency has (e.g. `1.999 EUR`). */
  strict?: boolean;
}

const separatorCache = new Map<string, string>();

function decimalSeparator(locale: string): string {
  let separator = separatorCache.get(locale);
  if (separator === undefined) {
    const parts = new Intl.NumberFormat(locale).formatToParts(1.5);
    separator = parts.find((part) => part.type === 'decimal')?.value ?? '.';
    separatorCache.set(locale, separator);
  }
  return separator;
}

/**
 * Parses what people type or what a bank export contains: `"1,234.56"`,
 * `"€ 12,50"` (with `locale: 'de-DE'`), `"(42.00)"` and `"42.00-"` for
 * negative amounts. Currency symbols, codes and group separators are ignored.
 */
export function parseMoney(input: string, currency: string | Currency, options: ParseOptions = {}): Money {
  const cur = resolveCurrency(currency);
  let text = input.trim();
  if (text === '') {
    throw new MoneyParseError(input, 'empty input');
  }
  let negative = false;
  if (text.startsWith('(') && text.endsWith(')')) {
    negative = true;
    text = text.slice(1, -1);
  }
  if (/^[-\u2212]|[-\u2212]$/.test(text.replace(/[^\d\-\u2212.,]/g, ''))) {
    negative = !negative;
  }
  const separator = decimalSeparator(options.locale ?? 'en-US');
  const kept = Array.from(text)
    .filter((ch) => (ch >= '0' && ch <= '9') || ch === separator)
    .join('');
  const pieces = kept.split(separator);
  if (pieces.length > 2) {
    throw new MoneyParseError(input, `more than one decimal separator "${separator}"`);
  }
  const [integerPart, fractionPart = ''] = pieces;
  if (integerPart === '' && fractionPart === '') {
    throw new MoneyParseError(input, 'no digits');
  }
  if (options.strict && fractionPart.length > cur.minorUnits) {
    throw new MoneyParseError(input, `${cur.code} has ${cur.minorUnits} fraction digits`);
  }
  const value = new Decimal(`${integerPart || '0'}.${fractionPart || '0'}`);
  return money(negative ? value.neg() : value, cur);
}

export function tryParseMoney(input: string, currency: string | Currency, options?: ParseOptions): Money | undefined {
  try {
    return parseMoney(input, currency, options);
  } catch (error) {
    if (error instanceof MoneyParseError) {
      return undefined;
    }
    throw error;
  }
}
