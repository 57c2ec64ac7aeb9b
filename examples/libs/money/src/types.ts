import type Decimal from 'decimal.js';
import type { Currency } from './currency';

/**
 * How a value is rounded to the precision of its currency. `half-even`
 * (banker's rounding) is the default because it does not drift when many
 * rounded amounts are summed.
 */
export type RoundingMode = 'half-up' | 'half-even' | 'half-down' | 'up' | 'down' | 'ceil' | 'floor';

/** An immutable amount of money. Build one with `money()`, never by hand. */
export interface Money {
  readonly amount: Decimal;
  readonly currency: Currency;
}

export type MoneyInput = string | number | Decimal;
