import { percentage, roundMoney, type Money } from '@acme/money';
import type { Party } from './model';

export type TaxCategory = 'standard' | 'reduced' | 'zero' | 'exempt';

export interface TaxRule {
  country: string;
  /** Rates in percent, per category. */
  rates: Record<TaxCategory, number>;
}

export const TAX_RULES: Record<string, TaxRule> = {
  DE: { country: 'DE', rates: { standard: 19, reduced: 7, zero: 0, exempt: 0 } },
  FR: { country: 'FR', rates: { standard: 20, reduced: 5.5, zero: 0, exempt: 0 } },
  NL: { country: 'NL', rates: { standard: 21, reduced: 9, zero: 0, exempt: 0 } },
  IE: { country: 'IE', rates: { standard: 23, reduced: 13.5, zero: 0, exempt: 0 } },
  GB: { country: 'GB', rates: { standard: 20, reduced: 5, zero: 0, exempt: 0 } },
  CH: { country: 'CH', rates: { standard: 8.1, reduced: 2.6, zero: 0, exempt: 0 } },
};

const EU = new Set(['AT', 'BE', 'DE', 'DK', 'ES', 'FI', 'FR', 'IE', 'IT', 'LU', 'NL', 'PL', 'PT', 'SE']);

export interface TaxTreatment {
  rule: TaxRule;
  /** B2B sale inside the EU: the buyer self-assesses VAT, the invoice shows 0%. */
  reverseCharge: boolean;
  /** Sale to a buyer outside the seller's tax area: zero-rated export. */
  export: boolean;
}

/**
 * Decides how an invoice between two parties is taxed. The seller's country
 * must have a rule; B2B within the EU across borders is reverse charged, and
 * sales leaving the EU (or the UK, or Switzerland) are zero-rated exports.
 */
export function resolveTaxTreatment(seller: Party, buyer: Party): TaxTreatment {
  const rule = TAX_RULES[seller.countryCode.toUpperCase()];
  if (!rule) {
    throw new RangeError(`No tax rule for seller country ${seller.countryCode}`);
  }
  const sellerCountry = rule.country;
  const buyerCountry = buyer.countryCode.toUpperCase();
  const sellerInEu = EU.has(sellerCountry);
  if (sellerInEu && EU.has(buyerCountry)) {
    const crossBorderB2B = buyerCountry !== sellerCountry && Boolean(buyer.vatId);
    return { rule, reverseCharge: crossBorderB2B, export: false };
  }
  const domestic = buyerCountry === sellerCountry;
  return { rule, reverseCharge: false, export: !domestic };
}

export function rateFor(category: TaxCategory, treatment: TaxTreatment): number {
  if (treatment.reverseCharge || treatment.export) return 0;
  return treatment.rule.rates[category];
}

export function taxOn(net: Money, ratePercent: number): Money {
  return roundMoney(percentage(net, ratePercent), 'half-up');
}

export function treatmentNote(treatment: TaxTreatment) {
  if (treatment.reverseCharge) return 'Reverse charge: VAT to be accounted for by the recipient (Art. 196 VAT Directive).';
  if (treatment.export) return 'Export of goods/services: zero-rated.';
  return undefined;
}
