import { findPlanItem, type PlanItem } from '@shipshape/core';
import { itemStatus, projectStatus } from './compute-status';
import { auditReport } from './testing';

const item = (id: string) => findPlanItem(id) as PlanItem;
const META = 'structure/package-metadata';

describe('itemStatus', () => {
  it('is done when the item has checks and none finds anything', () => {
    expect(itemStatus(item(META), auditReport('a', [['s/one', META]], []))).toMatchObject({
      state: 'done',
      findings: 0,
      checks: ['s/one'],
    });
  });

  it('is partly done when some of its checks pass and others still find something', () => {
    const report = auditReport(
      'a',
      [
        ['s/one', META],
        ['s/two', META],
      ],
      [['s/two', META]],
    );
    expect(itemStatus(item(META), report)).toMatchObject({ state: 'partly', findings: 1 });
  });

  it('is not started when every check of the item finds something, and counts baseline findings', () => {
    const report = auditReport(
      'a',
      [['s/one', META]],
      [
        ['s/one', META, 'baseline'],
        ['s/one', META, 'new'],
      ],
    );
    expect(itemStatus(item(META), report)).toMatchObject({ state: 'not-started', findings: 2 });
  });

  it('counts info findings but does not let them block done', () => {
    const report = auditReport('a', [['s/one', META]], [['s/one', META]]);
    report.findings[0].severity = 'info';
    expect(itemStatus(item(META), report)).toMatchObject({ state: 'done', findings: 1 });
  });

  it('does not count ignored findings', () => {
    expect(itemStatus(item(META), auditReport('a', [['s/one', META]], [['s/one', META, 'ignored']])).state).toBe('done');
  });

  it('says when nothing checks the item yet, or the project was not audited', () => {
    expect(itemStatus(item('api/facades'), auditReport('a', [['s/one', META]], [])).state).toBe('no-check');
    expect(itemStatus(item(META), undefined).state).toBe('not-audited');
  });

  it('keeps each finding with file and line for the dashboard links', () => {
    const status = itemStatus(item(META), auditReport('a', [['s/one', META]], [['s/one', META]]));
    expect(status.details).toEqual([
      { checkId: 's/one', severity: 'warning', message: 'finding 0', file: 'libs/a/package.json', line: 1, column: 1 },
    ]);
  });
});

describe('projectStatus', () => {
  const open = auditReport(
    'a',
    [
      ['s/one', META],
      ['api/x', 'api/facades'],
    ],
    [
      ['s/one', META],
      ['api/x', 'api/facades'],
    ],
  );

  it('is on track while the phase of an open item is still running', () => {
    expect(projectStatus('a', 'libs/a', open, { week: 2, state: 'running', day: 10 })).toMatchObject({
      onTrack: true,
      behind: [],
      findings: 2,
    });
  });

  it('is behind once a phase is over with items not done, naming them', () => {
    expect(projectStatus('a', 'libs/a', open, { week: 3, state: 'running', day: 14 })).toMatchObject({ onTrack: false, behind: [META] });
    expect(projectStatus('a', 'libs/a', open, { week: 11, state: 'finished', day: 80 }).behind).toEqual([META, 'api/facades']);
  });

  it('lists every plan item, in plan order', () => {
    const items = projectStatus('a', 'libs/a', open, { week: 1, state: 'running', day: 0 }).items;
    expect(items).toHaveLength(39);
    expect(items[0].id).toBe('structure/directory-layout');
    expect(items[items.length - 1].id).toBe('launch/announcement');
  });
});
