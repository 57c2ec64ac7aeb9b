import type { LineItem } from './line-items';

export type InvoiceStatus = 'draft' | 'issued' | 'paid' | 'void';

export interface Party {
  name: string;
  address: string[];
  /** ISO 3166-1 alpha-2, e.g. `DE`. Drives the tax rules. */
  countryCode: string;
  vatId?: string;
  email?: string;
}

export interface Invoice {
  id: string;
  number?: string;
  status: InvoiceStatus;
  currency: string;
  issueDate: Date;
  dueDate?: Date;
  seller: Party;
  buyer: Party;
  lines: LineItem[];
  notes?: string;
  metadata: Record<string, any>;
}

export class InvoiceStateError extends Error {
  constructor(invoice: Invoice, action: string) {
    super(`Cannot ${action} invoice ${invoice.number ?? invoice.id}: it is ${invoice.status}`);
    this.name = 'InvoiceStateError';
  }
}

let draftCounter = 0;

/** Starts a new draft. Drafts have no number until they are issued. */
export function createDraft(input: { currency: string; seller: Party; buyer: Party; notes?: string }): Invoice {
  draftCounter += 1;
  return {
    id: `draft-${Date.now().toString(36)}-${draftCounter}`,
    status: 'draft',
    currency: input.currency.toUpperCase(),
    issueDate: new Date(),
    seller: input.seller,
    buyer: input.buyer,
    lines: [],
    notes: input.notes,
    metadata: {},
  };
}

export function addLine(invoice: Invoice, line: LineItem): Invoice {
  if (invoice.status !== 'draft') throw new InvoiceStateError(invoice, 'add a line to');
  if (line.unitPrice.currency.code !== invoice.currency) {
    throw new RangeError(`Line "${line.description}" is in ${line.unitPrice.currency.code}, invoice in ${invoice.currency}`);
  }
  return { ...invoice, lines: [...invoice.lines, line] };
}

export function issue(invoice: Invoice, number: string, issueDate: Date, dueDate: Date): Invoice {
  if (invoice.status !== 'draft') throw new InvoiceStateError(invoice, 'issue');
  if (invoice.lines.length === 0) throw new RangeError('Cannot issue an invoice without lines');
  return { ...invoice, status: 'issued', number, issueDate, dueDate };
}

export function markPaid(invoice: Invoice, paidAt = new Date()) {
  if (invoice.status !== 'issued') throw new InvoiceStateError(invoice, 'mark as paid');
  return { ...invoice, status: 'paid' as const, metadata: { ...invoice.metadata, paidAt: paidAt.toISOString() } };
}

export function voidInvoice(invoice: Invoice, reason: string) {
  if (invoice.status === 'void' || invoice.status === 'paid') throw new InvoiceStateError(invoice, 'void');
  return { ...invoice, status: 'void' as const, metadata: { ...invoice.metadata, voidReason: reason } };
}
