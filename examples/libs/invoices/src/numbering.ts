import { format } from 'date-fns';

/**
 * A numbering scheme is a pattern with tokens:
 * `{prefix}`, `{yyyy}`, `{yy}`, `{MM}` (from the issue date) and `{seq:N}`,
 * the sequence zero-padded to N digits. Example: `{prefix}-{yyyy}-{seq:4}`
 * gives `INV-2025-0042`.
 */
export interface NumberingScheme {
  prefix: string;
  pattern: string;
  /** Start again at 1 on the first invoice of a new year (required in some countries). */
  resetYearly: boolean;
}

export interface NumberingState {
  year: number;
  lastSequence: number;
}

export const DEFAULT_SCHEME: NumberingScheme = {
  prefix: 'INV',
  pattern: '{prefix}-{yyyy}-{seq:4}',
  resetYearly: true,
};

const TOKEN = /\{(prefix|yyyy|yy|MM|seq(?::(\d+))?)\}/g;

export function formatInvoiceNumber(scheme: NumberingScheme, sequence: number, date: Date): string {
  return scheme.pattern.replace(TOKEN, (_match, token: string, width?: string) => {
    if (token === 'prefix') return scheme.prefix;
    if (token.startsWith('seq')) return String(sequence).padStart(Number(width ?? 1), '0');
    return format(date, token);
  });
}

/** Returns the next number and the state to persist, atomically with the invoice. */
export function nextInvoiceNumber(scheme: NumberingScheme, state: NumberingState, date: Date = new Date()) {
  const year = date.getFullYear();
  const restart = scheme.resetYearly && year !== state.year;
  const sequence = restart ? 1 : state.lastSequence + 1;
  return {
    number: formatInvoiceNumber(scheme, sequence, date),
    state: { year, lastSequence: sequence } satisfies NumberingState,
  };
}

/** Reads the sequence back out of a number produced by the same scheme. */
export function parseInvoiceNumber(scheme: NumberingScheme, invoiceNumber: string): number | undefined {
  const escaped = scheme.pattern.replace(/[.*+?^$()|[\]\\-]/g, '\\$&');
  let seqGroup = false;
  const source = escaped.replace(TOKEN, (_match, token: string) => {
    if (token === 'prefix') return scheme.prefix.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
    if (token.startsWith('seq')) {
      seqGroup = true;
      return '(\\d+)';
    }
    return '\\d{' + token.length + '}';
  });
  if (!seqGroup) return undefined;
  const match = new RegExp(`^${source}$`).exec(invoiceNumber);
  return match ? Number(match[1]) : undefined;
}
