import { shout } from './internal/shout';

export const greet = (name: string): string => shout(`hello ${name}`);
