export const helper = (text: string): string => text;
