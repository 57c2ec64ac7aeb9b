import { add, roundMoney, subtract, sum, zero, type Money } from '@acme/money';
import { fromMinorUnits, toMinorUnits } from '@acme/money/src/internal/minor-units';
import { lineNet } from './line-items';
import type { Invoice } from './model';
import { rateFor, resolveTaxTreatment, taxOn, type TaxTreatment } from './tax';

export interface TaxLine {
  rate: number;
  net: Money;
  tax: Money;
}

export interface InvoiceTotals {
  subtotal: Money;
  taxLines: TaxLine[];
  taxTotal: Money;
  total: Money;
  treatment: TaxTreatment;
}

/**
 * Computes the totals of an invoice. Lines are rounded to the currency first,
 * then grouped by tax rate; tax is computed once per rate on the group's net
 * (the EU "per rate" method), which keeps the VAT breakdown reconcilable.
 */
export function computeTotals(invoice: Invoice): InvoiceTotals {
  const treatment = resolveTaxTreatment(invoice.seller, invoice.buyer);
  const netByRate = new Map<number, Money>();
  for (const line of invoice.lines) {
    const net = roundMoney(lineNet(line));
    const rate = rateFor(line.taxCategory, treatment);
    netByRate.set(rate, add(netByRate.get(rate) ?? zero(invoice.currency), net));
  }
  const taxLines = [...netByRate.entries()]
    .sort(([a], [b]) => b - a)
    .map(([rate, net]) => ({ rate, net, tax: taxOn(net, rate) }));
  const subtotal = sum(
    taxLines.map((line) => line.net),
    invoice.currency,
  );
  const taxTotal = sum(
    taxLines.map((line) => line.tax),
    invoice.currency,
  );
  return { subtotal, taxLines, taxTotal, total: add(subtotal, taxTotal), treatment };
}

/** What is still owed, in minor units, as payment providers expect it. */
export function amountDueInMinorUnits(totals: InvoiceTotals, paid?: Money): number {
  const due = paid ? subtract(totals.total, paid) : totals.total;
  return Math.max(0, toMinorUnits(due));
}

export function installments(totals: InvoiceTotals, count: number): Money[] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`count must be a positive integer, got ${count}`);
  const units = toMinorUnits(totals.total);
  const base = Math.floor(units / count);
  const first = units - base * (count - 1);
  return Array.from({ length: count }, (_, i) => fromMinorUnits(i === 0 ? first : base, totals.total.currency));
}
