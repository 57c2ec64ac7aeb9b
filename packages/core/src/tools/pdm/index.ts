import { dataAt, isTable } from '../../util/data';
import { pyprojectPlaces, requirementList } from '../python-tables';
import { defineTool } from '../tool';

/** PDM: development groups in `[tool.pdm.dev-dependencies]` (PEP 735 groups are read by the dependency checks themselves). */
export default defineTool({
  name: 'pdm',
  ecosystem: 'python',
  enablers: ['pdm-backend', 'pdm', 'pdm-pep517'],
  configFiles: ['pdm.toml'],
  manifestFields: ['tool.pdm'],
  references({ project, fields }) {
    const place = pyprojectPlaces(project);
    const declared = fields.flatMap((field) => {
      const groups = dataAt(field.value, ['dev-dependencies']);
      return Object.entries(isTable(groups) ? groups : {}).flatMap(([group, list]) =>
        requirementList(list, 'dev', `tool.pdm.dev-dependencies.${group}`, ['tool', 'pdm', 'dev-dependencies', group], place),
      );
    });
    return { declared };
  },
});
