import { isNegative, money, multiply, percentage, subtract, type Money } from '@acme/money';
import type { TaxCategory } from './tax';

export interface LineItem {
  sku?: string;
  description: string;
  quantity: number;
  unit?: 'piece' | 'hour' | 'day' | 'month';
  unitPrice: Money;
  /** 0-100, applied to the line before tax. */
  discountPercent?: number;
  taxCategory: TaxCategory;
}

export function lineItem(
  description: string,
  quantity: number,
  unitPrice: string | number,
  currency: string,
  extra: Partial<Pick<LineItem, 'sku' | 'unit' | 'discountPercent' | 'taxCategory'>> = {},
): LineItem {
  const line: LineItem = {
    description,
    quantity,
    unitPrice: money(unitPrice, currency),
    taxCategory: 'standard',
    ...extra,
  };
  const problems = validateLine(line);
  if (problems.length > 0) {
    throw new RangeError(`Invalid line "${description}": ${problems.join('; ')}`);
  }
  return line;
}

/** Returns what is wrong with a line, or an empty list. */
export function validateLine(line: LineItem): string[] {
  const problems: string[] = [];
  if (line.description.trim() === '') problems.push('description is empty');
  if (!Number.isFinite(line.quantity) || line.quantity <= 0) problems.push('quantity must be positive');
  if (isNegative(line.unitPrice)) problems.push('unit price is negative (use a credit note)');
  const discount = line.discountPercent ?? 0;
  if (discount < 0 || discount > 100) problems.push('discount must be between 0 and 100');
  return problems;
}

/** Quantity x unit price, less the line discount. Not rounded. */
export function lineNet(line: LineItem): Money {
  const gross = multiply(line.unitPrice, line.quantity);
  if (!line.discountPercent) return gross;
  return subtract(gross, percentage(gross, line.discountPercent));
}

export function describeQuantity(line: LineItem) {
  const unit = line.unit ?? 'piece';
  if (unit === 'piece') return String(line.quantity);
  return `${line.quantity} ${unit}${line.quantity === 1 ? '' : 's'}`;
}
