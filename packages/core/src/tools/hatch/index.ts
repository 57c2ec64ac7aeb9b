import { isTable, pyprojectPlaces, requirementList, type Table } from '../python-tables';
import { defineTool, type DeclaredReference, type EntryReference, type PackageReference } from '../tool';

/** Hatch: environments' dependencies (development), build hooks' packages, and the wheel's packages. */
export default defineTool({
  name: 'hatch',
  ecosystem: 'python',
  enablers: ['hatchling', 'hatch'],
  configFiles: ['hatch.toml'],
  manifestFields: ['tool.hatch'],
  references({ project, fields }) {
    const place = pyprojectPlaces(project);
    const declared: DeclaredReference[] = [];
    const entries: EntryReference[] = [];
    const packages: PackageReference[] = [];
    for (const field of fields) {
      const hatch = field.value as Table;
      for (const [env, body] of Object.entries(isTable(hatch.envs) ? hatch.envs : {})) {
        for (const key of ['dependencies', 'extra-dependencies']) {
          declared.push(...requirementList((body as Table)?.[key], 'dev', `tool.hatch.envs.${env}.${key}`, ['tool', 'hatch', 'envs', env, key], place));
        }
      }
      const wheel = hatch.build?.targets?.wheel?.packages ?? hatch.build?.packages;
      for (const folder of Array.isArray(wheel) ? wheel : []) {
        if (typeof folder === 'string') entries.push({ ...place(['tool', 'hatch', 'build']), pattern: project.file(folder), kind: 'build' });
      }
      for (const hook of Object.keys(isTable(hatch.build?.hooks) ? hatch.build.hooks : {})) {
        if (hook !== 'custom') packages.push({ name: `hatch-${hook}`, role: 'dev', via: `[tool.hatch.build.hooks.${hook}]`, ...place(['tool', 'hatch', 'build', 'hooks', hook]) });
      }
      if (isTable(hatch.version) && hatch.version.source === 'vcs') packages.push({ name: 'hatch-vcs', role: 'dev', via: '[tool.hatch.version] source "vcs"', ...place(['tool', 'hatch', 'version']) });
    }
    return { declared, entries, packages };
  },
});
