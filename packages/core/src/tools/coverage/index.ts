import { pyprojectPlaces } from '../python-tables';
import { defineTool } from '../tool';

/** coverage.py: configured in `[tool.coverage]` or .coveragerc. */
export default defineTool({
  name: 'coverage',
  ecosystem: 'python',
  enablers: ['coverage', 'pytest-cov'],
  configFiles: ['.coveragerc'],
  manifestFields: ['tool.coverage'],
  references: ({ project, fields, configs }) => ({
    packages: [...fields.map(() => ({ name: 'coverage', role: 'dev' as const, via: '[tool.coverage]', ...pyprojectPlaces(project)(['tool', 'coverage']) })), ...configs.map((c) => ({ name: 'coverage', role: 'dev' as const, via: '.coveragerc', file: c.file, line: 0, column: 0 }))],
  }),
});
