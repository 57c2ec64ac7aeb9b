import { formatMoney, type Money } from '@acme/money';
import { format } from 'date-fns';
import { describeQuantity, lineNet } from '../line-items';
import type { Invoice, Party } from '../model';
import { computeTotals } from '../totals';
import { treatmentNote } from '../tax';

export interface HtmlRenderOptions {
  locale?: string;
  /** date-fns pattern for dates, `dd MMM yyyy` by default. */
  dateFormat?: string;
  logoUrl?: string;
  /** Inline CSS; the default keeps the invoice printable on A4 and Letter. */
  css?: string;
}

const DEFAULT_CSS = `
  body { font-family: system-ui, sans-serif; color: #222; max-width: 800px; margin: 2rem auto; }
  table { width: 100%; border-collapse: collapse; }
  th, td { padding: 6px 8px; border-bottom: 1px solid #ddd; text-align: left; }
  td.num, th.num { text-align: right; white-space: nowrap; }
  .parties { display: flex; justify-content: space-between; margin: 2rem 0; }
  .totals td { border: none; }
`;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]);
}

function partyBlock(title: string, party: Party): string {
  const lines = [party.name, ...party.address, party.countryCode];
  if (party.vatId) lines.push(`VAT ID: ${party.vatId}`);
  return `<div><h3>${escapeHtml(title)}</h3>${lines.map((l) => `<div>${escapeHtml(l)}</div>`).join('')}</div>`;
}

/** Renders a complete, self-contained HTML document for one invoice. */
export function renderInvoiceHtml(invoice: Invoice, options: HtmlRenderOptions = {}): string {
  const fmt = (m: Money) => escapeHtml(formatMoney(m, { locale: options.locale }));
  const date = (d: Date) => format(d, options.dateFormat ?? 'dd MMM yyyy');
  const totals = computeTotals(invoice);
  const title = invoice.number ? `Invoice ${invoice.number}` : 'Draft invoice';

  const rows = invoice.lines
    .map(
      (line) =>
        `<tr><td>${escapeHtml(line.description)}</td><td class="num">${escapeHtml(describeQuantity(line))}</td>` +
        `<td class="num">${fmt(line.unitPrice)}</td><td class="num">${fmt(lineNet(line))}</td></tr>`,
    )
    .join('\n');
  const taxRows = totals.taxLines
    .map((t) => `<tr><td colspan="3">VAT ${t.rate}% on ${fmt(t.net)}</td><td class="num">${fmt(t.tax)}</td></tr>`)
    .join('\n');
  const note = treatmentNote(totals.treatment);

  return `<!doctype html>
<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${options.css ?? DEFAULT_CSS}</style></head>
<body>
${options.logoUrl ? `<img src="${escapeHtml(options.logoUrl)}" alt="" height="48">` : ''}
<h1>${escapeHtml(title)}</h1>
<p>Issued ${date(invoice.issueDate)}${invoice.dueDate ? ` &middot; due ${date(invoice.dueDate)}` : ''}</p>
<div class="parties">${partyBlock('From', invoice.seller)}${partyBlock('Bill to', invoice.buyer)}</div>
<table>
<thead><tr><th>Description</th><th class="num">Qty</th><th class="num">Unit price</th><th class="num">Amount</th></tr></thead>
<tbody>
${rows}
</tbody>
<tfoot class="totals">
<tr><td colspan="3">Subtotal</td><td class="num">${fmt(totals.subtotal)}</td></tr>
${taxRows}
<tr><th colspan="3">Total</th><th class="num">${fmt(totals.total)}</th></tr>
</tfoot>
</table>
${note ? `<p><small>${escapeHtml(note)}</small></p>` : ''}
${invoice.notes ? `<p>${escapeHtml(invoice.notes)}</p>` : ''}
</body></html>
`;
}
