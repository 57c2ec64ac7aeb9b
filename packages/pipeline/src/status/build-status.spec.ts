import { planWeeks } from '@shipshape/core';
import { tempWorkspace } from '@shipshape/core/testing';
import { buildStatus } from './build-status';

describe('buildStatus reading the audit reports', () => {
  const ws = tempWorkspace();
  afterAll(() => ws.remove());
  const status = () =>
    buildStatus({
      workspaceRoot: ws.root,
      plan: { version: 1, start: '2026-12-07', projects: ['a'], weeks: planWeeks() },
      roots: { a: 'libs/a' },
      reportsDir: 'reports/shipshape/{projectRoot}',
      today: '2026-12-09',
      now: new Date('2026-12-09T10:00:00Z'),
      warnings: [],
    });

  it('names a report written by another version of the format, and what to do', () => {
    ws.write({ 'reports/shipshape/libs/a/audit.json': JSON.stringify({ schemaVersion: 7 }) });
    expect(status).toThrow(/audit\.json: the audit report has schema version 7, and this Shipshape reads version 1: run the audit again/);
  });

  it('names a report that is not JSON, or a folder in its place', () => {
    ws.write({ 'reports/shipshape/libs/a/audit.json': '{ "schemaVersion": 1,' });
    expect(status).toThrow(/audit\.json: the audit report is not valid JSON/);
    ws.remove();
    ws.write({ 'reports/shipshape/libs/a/audit.json/x': '' });
    expect(status).toThrow(/audit\.json: is a folder, not a file/);
  });
});
