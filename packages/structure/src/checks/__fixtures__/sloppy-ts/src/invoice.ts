export interface Invoice {
  number: string;
  lines: string[];
}

export function createInvoice(number: string): Invoice {
  return { number, lines: [] };
}
