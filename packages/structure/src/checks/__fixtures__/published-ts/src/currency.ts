export type Currency = 'EUR' | 'USD' | 'GBP';
