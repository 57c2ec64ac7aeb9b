import { pyprojectPlaces } from '../python-tables';
import { defineTool } from '../tool';

/** Ruff: configured in `[tool.ruff]`, ruff.toml or .ruff.toml. */
export default defineTool({
  name: 'ruff',
  ecosystem: 'python',
  enablers: ['ruff'],
  configFiles: ['ruff.toml', '.ruff.toml'],
  manifestFields: ['tool.ruff'],
  references: ({ project, fields, configs }) => ({
    packages: [
      ...fields.map(() => ({ name: 'ruff', role: 'dev' as const, via: '[tool.ruff]', ...pyprojectPlaces(project)(['tool', 'ruff']) })),
      ...configs.map((c) => ({ name: 'ruff', role: 'dev' as const, via: c.file, file: c.file, line: 0, column: 0 })),
    ],
  }),
});
