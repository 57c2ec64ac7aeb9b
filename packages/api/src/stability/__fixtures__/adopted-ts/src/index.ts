/**
 * Geometry helpers.
 *
 * @packageDocumentation
 */

export { area, perimeter, scale } from './measure';
export type { Shape, ShapeKind } from './shapes';
export { Circle, Square } from './shapes';
export { Grid, LayoutEngine, layout } from './layout';
export { cacheKey, tuneCache } from './cache';
export * from './units';
