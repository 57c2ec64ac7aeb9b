import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checks } from './checks';

describe('@shipshape/deps registration', () => {
  it('declares its checks module and phase where the audit and the phase runner look', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '../package.json'), 'utf8')) as {
      shipshape?: { checks?: string; phase?: number };
    };
    expect(manifest.shipshape).toMatchObject({ checks: './dist/checks', phase: 1 });
    expect(Array.isArray(checks)).toBe(true);
    expect(new Set(checks.map((c) => c.id)).size).toBe(checks.length);
  });
});
