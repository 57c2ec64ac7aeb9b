import { isTable, stringsIn } from '../../util/data';
import { pyprojectPlaces } from '../python-tables';
import { defineTool, type EntryReference, type PackageReference } from '../tool';

/** Options (in addopts) that come from a plugin distribution. */
const OPTION_PLUGINS: Array<[RegExp, string]> = [
  [/(^|\s)--cov\b/, 'pytest-cov'],
  [/(^|\s)(-n|--numprocesses)\b/, 'pytest-xdist'],
  [/(^|\s)--benchmark-/, 'pytest-benchmark'],
  [/(^|\s)--timeout\b/, 'pytest-timeout'],
  [/(^|\s)--mypy\b/, 'pytest-mypy'],
  [/(^|\s)--doctest-plus\b/, 'pytest-doctestplus'],
];

/** ini options that come from a plugin distribution. */
const INI_PLUGINS: Record<string, string> = {
  asyncio_mode: 'pytest-asyncio',
  timeout: 'pytest-timeout',
  env: 'pytest-env',
  mock_use_standalone_module: 'pytest-mock',
  django_find_project: 'pytest-django',
  DJANGO_SETTINGS_MODULE: 'pytest-django',
};

/** pytest: plugins its configuration needs (`--cov` is pytest-cov, `asyncio_mode` pytest-asyncio, `required_plugins`), and its test paths. */
export default defineTool({
  name: 'pytest',
  ecosystem: 'python',
  enablers: ['pytest'],
  configFiles: ['pytest.ini', 'conftest.py', 'tests/conftest.py'],
  manifestFields: ['tool.pytest.ini_options'],
  references({ project, fields, configs }) {
    const place = pyprojectPlaces(project);
    const packages: PackageReference[] = [];
    const entries: EntryReference[] = configs.map((c) => ({ file: c.file, line: 0, column: 0, pattern: c.file, kind: 'test' as const }));
    for (const field of fields) {
      const options = isTable(field.value) ? field.value : {};
      const at = place(['tool', 'pytest', 'ini_options']);
      const addopts = typeof options.addopts === 'string' ? options.addopts : stringsIn(options, ['addopts']).join(' ');
      for (const [pattern, name] of OPTION_PLUGINS)
        if (pattern.test(addopts)) packages.push({ name, role: 'dev', via: `addopts "${addopts.trim()}"`, ...at });
      for (const [option, name] of Object.entries(INI_PLUGINS))
        if (option in options) packages.push({ name, role: 'dev', via: `${option}`, ...at });
      for (const required of stringsIn(options, ['required_plugins']))
        packages.push({ name: required.split(/[<>=!~ ]/)[0], role: 'dev', via: 'required_plugins', ...at });
      for (const path of stringsIn(options, ['testpaths'])) entries.push({ ...at, pattern: project.file(`${path}/**`), kind: 'test' });
      packages.push({ name: 'pytest', role: 'dev', via: '[tool.pytest.ini_options]', ...at });
    }
    return { packages, entries };
  },
});
