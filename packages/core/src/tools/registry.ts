import babel from './babel';
import configFiles from './config-files';
import coverage from './coverage';
import esbuild from './esbuild';
import eslint from './eslint';
import hatch from './hatch';
import jest from './jest';
import mypy from './mypy';
import ngPackagr from './ng-packagr';
import nx from './nx';
import packageScripts from './package-scripts';
import pdm from './pdm';
import pip from './pip';
import poetry from './poetry';
import prettier from './prettier';
import pytest from './pytest';
import rollup from './rollup';
import ruff from './ruff';
import setuptools from './setuptools';
import tsdown from './tsdown';
import tsup from './tsup';
import type { ToolAdapter } from './tool';
import typescript from './typescript';
import unbuild from './unbuild';
import uv from './uv';
import vite from './vite';
import vitest from './vitest';

/** Every tool adapter, one folder each. A new tool is a new folder and a line here. */
export const TOOLS: readonly ToolAdapter[] = [
  // npm
  typescript,
  jest,
  vitest,
  eslint,
  prettier,
  babel,
  tsdown,
  tsup,
  vite,
  rollup,
  esbuild,
  unbuild,
  ngPackagr,
  nx,
  packageScripts,
  configFiles,
  // Python
  pytest,
  coverage,
  ruff,
  mypy,
  hatch,
  setuptools,
  poetry,
  pdm,
  uv,
  pip,
];
