import type { Currency } from './currency.js';

export interface Amount {
  minor: bigint;
  currency: Currency;
}

const registry = new Map<string, number>();

export function add(a: Amount, b: Amount): Amount {
  if (a.currency !== b.currency) throw new RangeError(`cannot add ${a.currency} to ${b.currency}`);
  registry.set(a.currency, (registry.get(a.currency) ?? 0) + 1);
  return { minor: a.minor + b.minor, currency: a.currency };
}
