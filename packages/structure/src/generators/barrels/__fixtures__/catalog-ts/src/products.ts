import { formatSku, Sku } from './sku';
import type { ProductInput } from './types';

export { formatSku };
export type { Sku };

export class Product {
  constructor(
    readonly sku: Sku,
    readonly name: string,
  ) {}

  toString(): string {
    return `${formatSku(this.sku)} ${this.name}`;
  }
}

export function createProduct(input: ProductInput): Product {
  return new Product(new Sku(input.sku), input.name);
}

export default Product;
