// The libraries of the facades area's checks.spec.ts (one of each problem, and clean ones), which the conformance
// fixture (conformance.ts) also holds.
import { filesOf } from '@shipshape/core/testing';

/** A TypeScript library with one of each problem, and the real-code exceptions the rules leave alone. */
export const SHAPES = filesOf(`
  == libs/shapes/package.json
  { "name": "@acme/shapes", "version": "1.0.0", "exports": { ".": "./src/index.ts", "./internal/*": "./src/internal/*.ts" } }
  == libs/shapes/src/index.ts
  export * from './lib/draw';
  export * from './lib/errors';
  export { readFile, readFileAsync, loadSync, load, parseSync, parse } from './lib/io';
  == libs/shapes/src/lib/draw.ts
  export interface Box { width: number }
  export interface shapeOptions { round: boolean }
  export type inferShape<T> = T extends { shape: infer S } ? S : never;
  export type cShakeOpts = { rounds: number };
  export const dataTag = Symbol('tag');
  export type dataTag = typeof dataTag;
  export const MAX_SIZE = 3;
  export const sha3_256 = (data: string): string => data;
  export function draw_shape(box: Box): string {
    return String(box.width);
  }
  export function makeBox(x: number, y: number, w: number, h: number, depth: number): Box {
    return { width: x + y + w + h + depth };
  }
  export function resize(box: Box, keepRatio = false): Box {
    return keepRatio ? box : { width: 1 };
  }
  export function assert(condition: boolean, message?: string): asserts condition {
    if (!condition) throw 'assertion failed: ' + message;
  }
  export function setVisible(visible?: boolean): void {
    void visible;
  }
  export function pipe(a: number): number;
  export function pipe(a: number, b: number, c: number, d: number, e: number): number;
  export function pipe(...values: number[]): number {
    return values.length;
  }
  /** @deprecated use the options object */
  export function legacy(a: number, b: number, c: number, d: number, e: number): void;
  export function legacy(options: { a: number }): void;
  export function legacy(...args: unknown[]): void {
    void args;
  }
  export class Canvas {
    constructor(readonly width: number) {}
    paint(box: Box, fill: boolean | undefined = true): void {
      if (fill) throw \`cannot paint \${box.width}\`;
    }
    private repaint(a: number, b: number, c: number, d: number, e: number): void {
      void [a, b, c, d, e];
    }
  }
  == libs/shapes/src/lib/errors.ts
  export class ShapeError extends Error {}
  export class SizeError extends ShapeError {}
  export class ColorError extends ShapeError {}
  export class OtherError extends Error {}
  == libs/shapes/src/lib/io.ts
  export function readFile(): string { return ''; }
  export async function readFileAsync(): Promise<string> { return ''; }
  export function loadSync(): string { return ''; }
  export async function load(): Promise<string> { return ''; }
  export function parseSync(): string { return ''; }
  export function parse(): Promise<string> { return Promise.resolve(''); }
  == libs/shapes/src/internal/helpers.ts
  export function merge_internals(a: number, b: number, c: number, d: number, e: number, f = false): number {
    return a + b + c + d + e + Number(f);
  }
`);

/** A Python library with one of each problem, and the real-code exceptions the rules leave alone. */
export const GEOMETRY = filesOf(`
  == libs/geometry/pyproject.toml
  [project]
  name = "geometry"
  version = "1.0.0"
  == libs/geometry/geometry/__init__.py
  from ._shapes import Box, area, drawShape, make_box, makeBox
  from ._errors import GeometryError, SizeError, ColorError, OtherError
  from ._io import afetch, fetch, aload, load, store, store_async

  try:
      from fastgeo import Fast
  except ImportError:
      class Fast:
          def __init__(self, a, b, c, d, e, flag=False):
              pass

  __all__ = [
      "Box", "area", "drawShape", "make_box", "makeBox", "GeometryError", "SizeError", "ColorError", "OtherError",
      "afetch", "fetch", "aload", "load", "store", "store_async", "Fast",
  ]
  == libs/geometry/geometry/_shapes.py
  from typing import overload


  class Box:
      def __init__(self, width: int) -> None:
          self.width = width

      def resize(self, width: int, keep_ratio: bool = False) -> "Box":
          return self

      def __exit__(self, exc_type, exc, tb, extra, more):
          return None

      def _private(self, a, b, c, d, e, flag=True):
          return None


  def area(a, b, c, d, e, *, scale=False):
      if a < 0:
          raise Exception("negative")
      if b < 0:
          raise "negative"
      return a * b


  def drawShape(box):
      return box


  def make_box(width, *, rounded=False):
      return Box(width)


  makeBox = make_box
  == libs/geometry/geometry/_errors.py
  class GeometryError(Exception):
      pass


  class SizeError(GeometryError):
      pass


  class ColorError(GeometryError):
      pass


  class OtherError(ValueError):
      pass
  == libs/geometry/geometry/_io.py
  async def afetch():
      return 1


  def fetch():
      return 1


  async def aload():
      return 1


  def load():
      return 1


  def store():
      return 1


  async def store_async():
      return 1
  == libs/geometry/geometry/parser.py
  def parseThing(a, b, c, d, e, f=True):
      raise Exception("internal, not in the facade")
`);

export const CLEAN = filesOf(`
  == libs/clean-ts/package.json
  { "name": "@acme/clean", "version": "1.0.0", "exports": { ".": "./src/index.ts" } }
  == libs/clean-ts/src/index.ts
  export class CleanError extends Error {}
  export class NotFoundError extends CleanError {}
  export interface Options { deep?: boolean; limit?: number }
  export function find(query: string, options: Options = {}): Promise<string[]> {
    if (!query) throw new NotFoundError(query);
    return Promise.resolve([String(options.limit)]);
  }
  export const findSync = (query: string): string[] => [query];
  == libs/clean-py/pyproject.toml
  [project]
  name = "clean"
  version = "1.0.0"
  == libs/clean-py/clean/__init__.py
  from ._core import CleanError, NotFound, find, afind

  __all__ = ["CleanError", "NotFound", "find", "afind"]
  == libs/clean-py/clean/_core.py
  class CleanError(Exception):
      pass


  class NotFound(CleanError, LookupError):
      pass


  def find(query: str, *, deep: bool = False, limit: int = 10) -> list:
      if not query:
          raise NotFound(query)
      raise ValueError("bad limit") if limit < 0 else NotFound(query)


  async def afind(query: str, *, deep: bool = False) -> list:
      return []
`);
