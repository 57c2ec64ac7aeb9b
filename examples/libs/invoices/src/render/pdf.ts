import { formatMoney } from '@acme/money';
import { describeQuantity, lineNet } from '../line-items';
import type { Invoice } from '../model';
import { computeTotals } from '../totals';

export class PdfUnavailableError extends Error {
  constructor() {
    super('PDF rendering needs the optional "pdfkit" package: npm install pdfkit');
    this.name = 'PdfUnavailableError';
  }
}

let pdfkit: Promise<any> | undefined;

// pdfkit is heavy and only some deployments render PDFs, so it is loaded on
// first use and its absence is reported instead of crashing at import time.
function loadPdfKit(): Promise<any> {
  pdfkit ??= (async () => {
    try {
      const mod = await import('pdfkit');
      return mod.default ?? mod;
    } catch {
      return undefined;
    }
  })();
  return pdfkit;
}

export async function isPdfSupported(): Promise<boolean> {
  return (await loadPdfKit()) !== undefined;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

export async function renderInvoicePdf(invoice: Invoice, options: { locale?: string } = {}): Promise<Uint8Array> {
  const PDFDocument = await loadPdfKit();
  if (!PDFDocument) throw new PdfUnavailableError();
  const fmt = (m: Parameters<typeof formatMoney>[0]) => formatMoney(m, { locale: options.locale });
  const totals = computeTotals(invoice);

  const doc = new PDFDocument({ size: 'A4', margin: 50 });
  const chunks: Uint8Array[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => resolve(concat(chunks)));
    doc.on('error', reject);
  });

  doc.fontSize(20).text(invoice.number ? `Invoice ${invoice.number}` : 'Draft invoice');
  doc.moveDown().fontSize(10).text(`${invoice.seller.name}\n${invoice.seller.address.join('\n')}`);
  doc.moveDown().text(`Bill to:\n${invoice.buyer.name}\n${invoice.buyer.address.join('\n')}`);
  doc.moveDown();
  for (const line of invoice.lines) {
    const y = doc.y;
    doc.text(line.description, 50, y, { width: 280 });
    doc.text(describeQuantity(line), 340, y, { width: 50, align: 'right' });
    doc.text(fmt(lineNet(line)), 400, y, { width: 145, align: 'right' });
    doc.moveDown(0.5);
  }
  doc.moveTo(50, doc.y).lineTo(545, doc.y).stroke().moveDown(0.5);
  doc.text(`Subtotal: ${fmt(totals.subtotal)}`, { align: 'right' });
  for (const tax of totals.taxLines) doc.text(`VAT ${tax.rate}%: ${fmt(tax.tax)}`, { align: 'right' });
  doc.font('Helvetica-Bold').text(`Total: ${fmt(totals.total)}`, { align: 'right' });
  doc.end();
  return done;
}
