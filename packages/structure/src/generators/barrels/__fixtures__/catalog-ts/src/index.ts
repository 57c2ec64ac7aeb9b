/**
 * The public API of the catalog.
 */
export * from './products';
// Prices and the rules behind them.
export * from './pricing';
export * as units from './units';
export { VERSION } from './version';
export * from './types';
export * from './register';
export * from './normalize-a';
export * from './normalize-b';
// Both normalizers export `normalize`: say which one the catalog means.
export { normalize } from './normalize-a';
