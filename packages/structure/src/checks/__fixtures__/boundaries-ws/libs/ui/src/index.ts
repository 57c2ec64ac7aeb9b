import { greet } from '@acme/core';
import { fakeName } from '@acme/core/testing';
import { SECRET } from '@acme/core/internal/secret';
import type { Secret } from '@acme/core/src/internal/secret';

export const banner = (s: Secret = SECRET): string => `${greet(fakeName())} ${s.value}`;
