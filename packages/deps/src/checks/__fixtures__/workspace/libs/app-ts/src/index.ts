import 'reflect-metadata';
import 'fx-polyfill';
import 'side-effect-pkg';
import { readFileSync } from 'node:fs';
import leftPad from 'left-pad';
import chalk from 'chalk';
import { useState } from 'react';
import type { Options } from 'type-only-pkg';
import { helper } from '@fx/util';
import { runtimeThing } from 'runtime-in-dev';
import { local } from './local';

const child = require('transitive-child');

export async function loadDynamic(): Promise<unknown> {
  return import('dyn-literal');
}

export async function feature(): Promise<unknown> {
  try {
    return await import('optional-feature');
  } catch {
    return undefined;
  }
}

export function render(options: Options): string {
  return chalk.green(leftPad(helper(String(useState)), 4)) + readFileSync + child + runtimeThing + local + options;
}
