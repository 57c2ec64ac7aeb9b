import { posix } from 'node:path';
import {
  defineCheck,
  projectRelative,
  pyproject,
  pythonFiles,
  pythonPackages,
  type FindingInput,
  type ShipshapeProject,
} from '@shipshape/core';

const TEST_MODULE = /^(test_.*|.*_test|conftest)\.py$/;

function run(project: ShipshapeProject): FindingInput[] {
  const manifest = project.get(pyproject);
  if (!manifest) return [];
  const packages = project.get(pythonPackages).folders;
  const py = project.get(pythonFiles);
  const findings: FindingInput[] = [];
  const reported = new Set<string>();
  for (const file of py) {
    const pkg = packages.find((p) => file.startsWith(`${p}/`));
    if (!pkg) continue;
    const inside = file.slice(pkg.length + 1).split('/');
    const testDir = inside.findIndex((s) => s === 'tests' || s === 'test');
    const where =
      testDir >= 0 ? `${pkg}/${inside.slice(0, testDir + 1).join('/')}` : TEST_MODULE.test(posix.basename(file)) ? file : undefined;
    if (!where || reported.has(where)) continue;
    reported.add(where);
    findings.push({
      message: `${where} puts tests inside the import package ${posix.basename(pkg)}: they ship in the wheel and import it from the working copy; move them to tests/ at the project root`,
      file,
      line: 1,
      column: 1,
      key: projectRelative(project.root, where),
    });
  }
  const hasTests = py.some((f) => {
    const rel = projectRelative(project.root, f);
    return /^tests?\//.test(rel) || (TEST_MODULE.test(posix.basename(rel)) && !packages.some((p) => f.startsWith(`${p}/`)));
  });
  if (!hasTests && findings.length === 0) {
    findings.push({
      message: 'no tests/ folder: the project has no tests next to its package (pytest looks in tests/ by convention)',
      file: manifest.path,
      line: 1,
      column: 1,
      key: 'no-tests',
      severity: 'info',
    });
  }
  return findings;
}

export default defineCheck({
  id: 'structure/python-tests-location',
  title: 'Python tests live in tests/, outside the import package',
  planItem: 'structure/directory-layout',
  languages: ['python'],
  severity: 'warning',
  requires: [pyproject, pythonPackages],
  description:
    'Test modules and test folders inside the import package ship with it; a project without a tests/ folder is reported as info.',
  run,
});
