import { dataAt } from '../../util/data';
import { pyprojectPlaces } from '../python-tables';
import { defineTool, type PackageReference } from '../tool';

/** mypy: `[tool.mypy]` or mypy.ini; its `plugins` are modules of distributions (`pydantic.mypy` is pydantic). */
export default defineTool({
  name: 'mypy',
  ecosystem: 'python',
  enablers: ['mypy'],
  configFiles: ['mypy.ini', '.mypy.ini'],
  manifestFields: ['tool.mypy'],
  references({ project, fields }) {
    const place = pyprojectPlaces(project);
    const packages: PackageReference[] = [];
    for (const field of fields) {
      const plugins = dataAt(field.value, ['plugins']);
      const list = Array.isArray(plugins) ? plugins : typeof plugins === 'string' ? plugins.split(',') : [];
      for (const plugin of list) {
        if (typeof plugin === 'string' && plugin.trim())
          packages.push({
            name: plugin.trim().split('.')[0],
            role: 'dev',
            via: `[tool.mypy] plugins "${plugin.trim()}"`,
            ...place(['tool', 'mypy', 'plugins']),
          });
      }
      packages.push({ name: 'mypy', role: 'dev', via: '[tool.mypy]', ...place(['tool', 'mypy']) });
    }
    return { packages };
  },
});
