/**
 * The kinds of shape the library draws.
 * @public
 */
export type ShapeKind = 'circle' | 'square';

/**
 * A shape.
 * @public
 */
export interface Shape {
  kind: ShapeKind;
  size: number;
}

/** A circle. @public */
export class Circle implements Shape {
  readonly kind = 'circle' as const;
  constructor(readonly size: number) {}
}

/**
 * A square.
 */
export class Square implements Shape {
  readonly kind = 'square' as const;
  constructor(readonly size: number) {}
}
