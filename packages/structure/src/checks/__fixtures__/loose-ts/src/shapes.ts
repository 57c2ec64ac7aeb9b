import { clamp } from './internal/clamp';

export interface Square {
  side: number;
}

export const area = (square: Square): number => clamp(square.side) ** 2;
