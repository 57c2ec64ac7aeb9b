export interface ProductInput {
  sku: string;
  name: string;
}

export type Currency = 'EUR' | 'USD';
