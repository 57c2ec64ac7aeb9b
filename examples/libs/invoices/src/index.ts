export * from './model';
export * from './line-items';
export * from './tax';
export * from './totals';
export * from './numbering';
export * from './due-dates';
export * from './render/html';
export * from './render/pdf';
