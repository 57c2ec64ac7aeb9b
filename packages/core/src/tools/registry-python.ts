import coverage from './coverage';
import hatch from './hatch';
import mypy from './mypy';
import pdm from './pdm';
import pip from './pip';
import poetry from './poetry';
import pytest from './pytest';
import ruff from './ruff';
import setuptools from './setuptools';
import type { ToolAdapter } from './tool';
import uv from './uv';

/** The Python tools' adapters: light to load (no TypeScript parser), for what only needs them (the deps plugin's graph). */
export const PYTHON_TOOLS: readonly ToolAdapter[] = [pytest, coverage, ruff, mypy, hatch, setuptools, poetry, pdm, uv, pip];
