import babel from './babel';
import configFiles from './config-files';
import esbuild from './esbuild';
import eslint from './eslint';
import jest from './jest';
import ngPackagr from './ng-packagr';
import nx from './nx';
import packageScripts from './package-scripts';
import prettier from './prettier';
import rollup from './rollup';
import tsdown from './tsdown';
import tsup from './tsup';
import { PYTHON_TOOLS } from './registry-python';
import type { ToolAdapter } from './tool';
import typescript from './typescript';
import unbuild from './unbuild';
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
  ...PYTHON_TOOLS,
];
