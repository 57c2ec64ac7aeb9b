import 'reflect-metadata';
import type { Helper } from '@fx/util/types';
import { helper } from '@fx/util';
import { chunk } from 'lodash';
import { useState } from 'react';
import { join } from 'node:path';
import { EventEmitter } from 'events';

export const loadOptional = () => import('optional-feature').catch(() => null);

export function run(h: Helper): unknown {
  return [helper, chunk, useState, join, h, EventEmitter];
}
