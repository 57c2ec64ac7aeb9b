import type { Shape } from './shapes';

/**
 * Options of the experimental layout engine.
 * @beta
 */
export interface LayoutOptions {
  gap: number;
}

/**
 * Places shapes in a row.
 * @beta
 */
export class LayoutEngine {
  constructor(private readonly options: LayoutOptions) {}

  /** Where each shape goes. */
  place(shapes: readonly Shape[]): number[] {
    return shapes.map((_, i) => i * this.options.gap);
  }
}

/**
 * Lays shapes out with the default engine.
 * @public
 */
export function layout(shapes: readonly Shape[], engine: LayoutEngine): number[] {
  return engine.place(shapes);
}

/**
 * A grid of shapes.
 * @public
 */
export class Grid {
  /** Fits the grid to an engine. */
  fit(engine: LayoutEngine): void;
  fit(engine: LayoutEngine, gap: number): void;
  fit(engine: LayoutEngine, gap?: number): void {
    void engine;
    void gap;
  }
}
