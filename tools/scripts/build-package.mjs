#!/usr/bin/env node
// Builds one package: compiles src/ with tsc into <package>/dist and copies the non-TypeScript
// assets that generators and executors read at run time (schema.json, files/ templates, *.py).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';

const packageDir = resolve(process.argv[2] ?? '.');
const srcDir = join(packageDir, 'src');
const distDir = join(packageDir, 'dist');
const require = createRequire(import.meta.url);

rmSync(distDir, { recursive: true, force: true });
const tsc = require.resolve('typescript/bin/tsc');
try {
  execFileSync(process.execPath, [tsc, '-p', join(packageDir, 'tsconfig.lib.json')], { stdio: 'inherit' });
} catch {
  console.error(`tsc failed for ${relative(process.cwd(), packageDir)}; see the errors above.`);
  process.exit(1);
}

function isAsset(path) {
  if (path.includes(`${join('/', 'files', '/')}`)) return true;
  return /\.(json|py|md|html|css)$/.test(path) && !/\.spec\./.test(path);
}

function copyAssets(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name === '__fixtures__' || name === '__pycache__') continue;
      copyAssets(path);
    } else if (isAsset(path)) {
      const target = join(distDir, relative(srcDir, path));
      cpSync(path, target);
    }
  }
}

if (existsSync(srcDir)) copyAssets(srcDir);
