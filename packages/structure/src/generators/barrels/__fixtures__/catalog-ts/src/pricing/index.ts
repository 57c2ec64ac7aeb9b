export * from './rules';
export * from './discounts';
