export type { Shape, ShapeKind } from './shape';
export { Circle, Square } from './shape';
