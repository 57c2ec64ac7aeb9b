import { addDays, differenceInCalendarDays, endOfMonth, isAfter, startOfDay } from 'date-fns';
import type { Invoice } from './model';

export type PaymentTerms =
  | { kind: 'due-on-receipt' }
  | { kind: 'net'; days: number }
  | { kind: 'end-of-month'; extraDays: number };

/**
 * Parses the payment terms people write on contracts: `"due on receipt"`,
 * `"NET 30"`, `"net30"`, `"EOM"`, `"EOM+15"`.
 */
export function parseTerms(text: string): PaymentTerms {
  const normalized = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (normalized === 'due on receipt' || normalized === 'immediate') {
    return { kind: 'due-on-receipt' };
  }
  const net = /^net ?(\d{1,3})$/.exec(normalized);
  if (net) {
    return { kind: 'net', days: Number(net[1]) };
  }
  const eom = /^eom(?: ?\+ ?(\d{1,3}))?$/.exec(normalized);
  if (eom) {
    return { kind: 'end-of-month', extraDays: eom[1] ? Number(eom[1]) : 0 };
  }
  throw new RangeError(`Unrecognised payment terms "${text}"`);
}

export function dueDateFor(issueDate: Date, terms: PaymentTerms): Date {
  switch (terms.kind) {
    case 'due-on-receipt':
      return startOfDay(issueDate);
    case 'net':
      return startOfDay(addDays(issueDate, terms.days));
    case 'end-of-month':
      return startOfDay(addDays(endOfMonth(issueDate), terms.extraDays));
  }
}

export function describeTerms(terms: PaymentTerms): string {
  switch (terms.kind) {
    case 'due-on-receipt':
      return 'Due on receipt';
    case 'net':
      return `Payable within ${terms.days} days`;
    case 'end-of-month':
      return terms.extraDays ? `Payable ${terms.extraDays} days after the end of the month` : 'Payable at the end of the month';
  }
}

export function daysOverdue(invoice: Invoice, today: Date = new Date()): number {
  if (invoice.status !== 'issued' || !invoice.dueDate) return 0;
  if (!isAfter(startOfDay(today), invoice.dueDate)) return 0;
  return differenceInCalendarDays(today, invoice.dueDate);
}

export function isOverdue(invoice: Invoice, today?: Date) {
  return daysOverdue(invoice, today) > 0;
}
