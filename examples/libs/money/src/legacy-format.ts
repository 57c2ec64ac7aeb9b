/**
 * Old formatter from the 0.1 PDF templates, before formatMoney() used Intl.
 * @deprecated use formatMoney()
 */
export function legacyFormat(amount: any, symbol: any, decimals = 2): string {
  const negative = Number(amount) < 0;
  const fixed = Math.abs(Number(amount)).toFixed(decimals);
  const [whole, fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const body = fraction ? `${grouped}.${fraction}` : grouped;
  return negative ? `-${symbol}${body}` : `${symbol}${body}`;
}

export function legacyParse(text: string) {
  const cleaned = text.replace(/[^\d.-]/g, '');
  const value = parseFloat(cleaned);
  return isNaN(value) ? null : value;
}
