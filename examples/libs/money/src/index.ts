export * from './allocate';
export * from './currency';
export * from './errors';
export * from './format';
export * from './money';
export * from './parse';
export * from './rounding';
export type { Money, MoneyInput, RoundingMode } from './types';
