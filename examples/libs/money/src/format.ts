import type { Money } from './types';

export interface FormatOptions {
  /** BCP 47 locale, `en-US` when omitted. */
  locale?: string;
  display?: 'symbol' | 'narrowSymbol' | 'code' | 'name';
  /** Negative amounts in parentheses, as accountants write them. */
  accounting?: boolean;
  /** `€12` instead of `€12.00` when the amount has no fraction. */
  hideZeroFraction?: boolean;
  signDisplay?: 'auto' | 'always' | 'exceptZero' | 'never';
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(locale: string, currency: string, digits: number, options: FormatOptions): Intl.NumberFormat {
  const key = [locale, currency, digits, options.display, options.accounting, options.signDisplay].join('|');
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      currencyDisplay: options.display ?? 'symbol',
      currencySign: options.accounting ? 'accounting' : 'standard',
      signDisplay: options.signDisplay ?? 'auto',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Formats an amount for people, with the separators and symbol placement of
 * the locale: `formatMoney(money('-1234.5', 'EUR'), { locale: 'fr-FR' })` is
 * `-1 234,50 €`.
 */
export function formatMoney(m: Money, options: FormatOptions = {}): string {
  const locale = options.locale ?? 'en-US';
  const digits = options.hideZeroFraction && m.amount.isInteger() ? 0 : m.currency.minorUnits;
  // Intl works on doubles: amounts above 2^53 minor units lose precision here.
  return formatterFor(locale, m.currency.code, digits, options).format(m.amount.toNumber());
}

export function formatMoneyParts(m: Money, options: FormatOptions = {}) {
  const locale = options.locale ?? 'en-US';
  return formatterFor(locale, m.currency.code, m.currency.minorUnits, options).formatToParts(m.amount.toNumber());
}

/** Plain machine format: `1234.50 EUR`. Stable across locales, good for CSV. */
export function formatPlain(m: Money): string {
  return `${m.amount.toFixed(m.currency.minorUnits)} ${m.currency.code}`;
}
