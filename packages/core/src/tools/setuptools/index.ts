import { stringsIn } from '../../util/data';
import { pyprojectPlaces } from '../python-tables';
import { defineTool, type EntryReference, type PackageReference } from '../tool';

/** setuptools: setup.py / setup.cfg, `[tool.setuptools]` packages, and setuptools-scm when versions come from git. */
export default defineTool({
  name: 'setuptools',
  ecosystem: 'python',
  enablers: ['setuptools'],
  configFiles: ['setup.py', 'setup.cfg'],
  manifestFields: ['tool.setuptools', 'tool.setuptools_scm'],
  references({ project, fields, configs }) {
    const place = pyprojectPlaces(project);
    const entries: EntryReference[] = configs.map((c) => ({ file: c.file, line: 0, column: 0, pattern: c.file, kind: 'config' as const }));
    const packages: PackageReference[] = [];
    for (const field of fields) {
      if (field.path.join('.') === 'tool.setuptools_scm') {
        packages.push({ name: 'setuptools-scm', role: 'dev', via: '[tool.setuptools_scm]', ...place(['tool', 'setuptools_scm']) });
        continue;
      }
      for (const folder of stringsIn(field.value, ['packages'])) {
        entries.push({ ...place(['tool', 'setuptools', 'packages']), pattern: project.file(folder.replace(/\./g, '/')), kind: 'build' });
      }
    }
    return { entries, packages };
  },
});
