import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PLANTED_FIXTURE, plantedWorkspace, type FixtureWorkspace } from '../testing/fixture-workspace';
import { checks } from '../checks';

const PROJECTS = ['libs/app-ts', 'libs/clean-ts', 'libs/util', 'libs/app-py', 'libs/clean-py', 'libs/lib-py'];
const planted = JSON.parse(readFileSync(join(PLANTED_FIXTURE, 'planted.json'), 'utf8')).findings as Array<{
  check: string;
  file: string;
  line: number;
}>;

interface Found {
  check: string;
  file: string;
  line: number;
  message: string;
}

/** Precision and recall of what the checks found against the planted truth, matched on check, file and line. */
function score(found: Found[], truth: Array<{ check: string; file: string; line: number }>) {
  const id = (f: { check: string; file: string; line: number }) => `${f.check} ${f.file}:${f.line}`;
  const truthIds = new Set(truth.map(id));
  const foundIds = new Set(found.map(id));
  const truePositives = [...foundIds].filter((f) => truthIds.has(f)).length;
  return {
    precision: foundIds.size === 0 ? 1 : truePositives / foundIds.size,
    recall: truthIds.size === 0 ? 1 : truePositives / truthIds.size,
    falsePositives: found.filter((f) => !truthIds.has(id(f))).map((f) => `${id(f)} ${f.message}`),
    missed: [...truthIds].filter((t) => !foundIds.has(t)),
  };
}

describe('the deps checks on a workspace with planted issues', () => {
  let ws: FixtureWorkspace;
  const found: Found[] = [];

  beforeAll(async () => {
    ws = plantedWorkspace();
    for (const root of PROJECTS) {
      const project = ws.project(root);
      for (const check of checks) {
        for (const finding of await check.run(project))
          found.push({ check: check.id, file: finding.file, line: finding.line ?? 0, message: finding.message });
      }
    }
  }, 60_000);
  afterAll(() => ws?.remove());

  it('finds every planted issue and nothing else: precision and recall are 1', () => {
    const result = score(found, planted);
    expect({ falsePositives: result.falsePositives, missed: result.missed }).toEqual({ falsePositives: [], missed: [] });
    expect([result.precision, result.recall]).toEqual([1, 1]);
  });

  it('stays quiet on the clean projects', () => {
    const clean = found.filter((f) => /libs\/(clean-ts|clean-py|util|lib-py)\//.test(f.file));
    expect(clean).toEqual([]);
  });
});

describe('the score', () => {
  it('drops with a finding too many (precision) and with one missed (recall)', () => {
    const truth = [
      { check: 'a/b', file: 'x', line: 1 },
      { check: 'a/b', file: 'x', line: 2 },
    ];
    expect(
      score(
        [
          { ...truth[0], message: '' },
          { check: 'a/b', file: 'x', line: 9, message: '' },
        ],
        truth,
      ),
    ).toMatchObject({ precision: 0.5, recall: 0.5 });
  });
});
