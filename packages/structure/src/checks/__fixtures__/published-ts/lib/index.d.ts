export { add, type Amount } from './add.js';
export type { Currency } from './currency.js';
