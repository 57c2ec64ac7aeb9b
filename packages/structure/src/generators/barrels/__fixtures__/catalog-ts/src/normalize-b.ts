export const normalize = (s: string): string => s.toLowerCase();
export const normalizeName = (s: string): string => s.replace(/\s+/g, ' ');
