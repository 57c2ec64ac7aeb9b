import type { Product } from '../products';

export interface HtmlOptions {
  escape: boolean;
}

export function renderHtml(product: Product, options: HtmlOptions = { escape: true }): string {
  const name = options.escape ? product.name.replace(/</g, '&lt;') : product.name;
  return `<li>${name}</li>`;
}
