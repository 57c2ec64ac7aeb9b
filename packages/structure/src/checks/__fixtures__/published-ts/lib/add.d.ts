import type { Currency } from './currency.js';
export interface Amount {
  minor: bigint;
  currency: Currency;
}
export declare function add(a: Amount, b: Amount): Amount;
