import type { Shape } from './shapes';

/**
 * The area of a shape.
 *
 * @param shape - The shape.
 * @returns Its area, in square units.
 * @public
 */
export function area(shape: Shape): number {
  return shape.kind === 'circle' ? Math.PI * shape.size ** 2 : shape.size ** 2;
}

/** The perimeter of a shape. */
export function perimeter(shape: Shape): number {
  return shape.kind === 'circle' ? 2 * Math.PI * shape.size : 4 * shape.size;
}

// Scales a shape; kept for the 1.x callers.
export function scale(shape: Shape, by: number): Shape;
export function scale(shape: Shape, by: number, round: boolean): Shape;
export function scale(shape: Shape, by: number, round = false): Shape {
  const size = shape.size * by;
  return { ...shape, size: round ? Math.round(size) : size };
}
