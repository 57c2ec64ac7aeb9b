export type Discount = { percent: number };

export enum DiscountKind {
  Seasonal = 'seasonal',
  Volume = 'volume',
}

export function applyDiscount(price: number, discount: Discount): number {
  return Math.round(price * (100 - discount.percent)) / 100;
}
