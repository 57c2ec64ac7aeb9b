// Imports through the entry barrel that re-exports this module: a circular barrel.
import { Product } from '../index';

export interface PriceRule {
  applies(product: Product): boolean;
  price: number;
}

export function priceOf(product: Product, rules: PriceRule[]): number | undefined {
  return rules.find((rule) => rule.applies(product))?.price;
}
