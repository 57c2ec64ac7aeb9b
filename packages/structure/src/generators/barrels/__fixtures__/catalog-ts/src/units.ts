export const GRAM = 1;
export const KILOGRAM = 1000;
