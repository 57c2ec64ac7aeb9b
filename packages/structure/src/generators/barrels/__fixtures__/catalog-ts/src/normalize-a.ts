export const normalize = (s: string): string => s.trim();
export const normalizeSku = (s: string): string => s.trim().toUpperCase();
