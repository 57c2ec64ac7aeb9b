// This area's part of the package's conformance fixture (src/conformance.spec.ts): the libraries of checks.spec.ts
// (one of each problem, and clean ones), their roots and package names prefixed with the area's.
import { filesOf } from '@shipshape/core/testing';

/** A TypeScript library with one of each problem, and the real-code exceptions the rules leave alone. */
const SHAPES = filesOf(`
  == libs/facades-shapes/package.json
  { "name": "@acme/shapes", "version": "1.0.0", "exports": { ".": "./src/index.ts", "./internal/*": "./src/internal/*.ts" } }
  == libs/facades-shapes/src/index.ts
  export * from './lib/draw';
  export * from './lib/errors';
  export { readFile, readFileAsync, loadSync, load, parseSync, parse } from './lib/io';
  == libs/facades-shapes/src/lib/draw.ts
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
  == libs/facades-shapes/src/lib/errors.ts
  export class ShapeError extends Error {}
  export class SizeError extends ShapeError {}
  export class ColorError extends ShapeError {}
  export class OtherError extends Error {}
  == libs/facades-shapes/src/lib/io.ts
  export function readFile(): string { return ''; }
  export async function readFileAsync(): Promise<string> { return ''; }
  export function loadSync(): string { return ''; }
  export async function load(): Promise<string> { return ''; }
  export function parseSync(): string { return ''; }
  export function parse(): Promise<string> { return Promise.resolve(''); }
  == libs/facades-shapes/src/internal/helpers.ts
  export function merge_internals(a: number, b: number, c: number, d: number, e: number, f = false): number {
    return a + b + c + d + e + Number(f);
  }
`);

/** A Python library with one of each problem, and the real-code exceptions the rules leave alone. */
const GEOMETRY = filesOf(`
  == libs/facades-geometry/pyproject.toml
  [project]
  name = "facades-geometry"
  version = "1.0.0"
  == libs/facades-geometry/facades_geometry/__init__.py
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
  == libs/facades-geometry/facades_geometry/_shapes.py
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
  == libs/facades-geometry/facades_geometry/_errors.py
  class GeometryError(Exception):
      pass


  class SizeError(GeometryError):
      pass


  class ColorError(GeometryError):
      pass


  class OtherError(ValueError):
      pass
  == libs/facades-geometry/facades_geometry/_io.py
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
  == libs/facades-geometry/facades_geometry/parser.py
  def parseThing(a, b, c, d, e, f=True):
      raise Exception("internal, not in the facade")
`);

const CLEAN = filesOf(`
  == libs/facades-clean-ts/package.json
  { "name": "@acme/facades-clean", "version": "1.0.0", "exports": { ".": "./src/index.ts" } }
  == libs/facades-clean-ts/src/index.ts
  export class CleanError extends Error {}
  export class NotFoundError extends CleanError {}
  export interface Options { deep?: boolean; limit?: number }
  export function find(query: string, options: Options = {}): Promise<string[]> {
    if (!query) throw new NotFoundError(query);
    return Promise.resolve([String(options.limit)]);
  }
  export const findSync = (query: string): string[] => [query];
  == libs/facades-clean-py/pyproject.toml
  [project]
  name = "facades-clean"
  version = "1.0.0"
  == libs/facades-clean-py/facades_clean/__init__.py
  from ._core import CleanError, NotFound, find, afind

  __all__ = ["CleanError", "NotFound", "find", "afind"]
  == libs/facades-clean-py/facades_clean/_core.py
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

/** The files under a project root, by path relative to it. */
function under(root: string, files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(files)
      .filter(([path]) => path.startsWith(`${root}/`))
      .map(([path, content]) => [path.slice(root.length + 1), content]),
  );
}

const SHAPES_ROOT = 'libs/facades-shapes';
const GEOMETRY_ROOT = 'libs/facades-geometry';
const CLEAN_TS = 'libs/facades-clean-ts';
const CLEAN_PY = 'libs/facades-clean-py';
const TS = { finds: SHAPES_ROOT, quiet: CLEAN_TS };
const PY = { finds: GEOMETRY_ROOT, quiet: CLEAN_PY };

export const conformanceFixtures = {
  projects: {
    [SHAPES_ROOT]: under(SHAPES_ROOT, SHAPES),
    [GEOMETRY_ROOT]: under(GEOMETRY_ROOT, GEOMETRY),
    [CLEAN_TS]: under(CLEAN_TS, CLEAN),
    [CLEAN_PY]: under(CLEAN_PY, CLEAN),
  },
  checkFixtures: {
    'api/naming': TS,
    'api/long-parameter-list': PY,
    'api/boolean-parameter': TS,
    'api/error-hierarchy': PY,
    'api/async-naming': TS,
  },
  generatorRuns: {
    facade: [
      { project: 'facades-shapes', baseError: 'ShapesError' },
      { project: 'facades-geometry', baseError: 'GeometryError' },
    ],
  },
};
