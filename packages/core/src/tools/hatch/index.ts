import { dataAt, isTable, stringsIn } from '../../util/data';
import { pyprojectPlaces, requirementList } from '../python-tables';
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
    for (const { value: hatch } of fields) {
      const envs = dataAt(hatch, ['envs']);
      for (const [env, body] of Object.entries(isTable(envs) ? envs : {})) {
        for (const key of ['dependencies', 'extra-dependencies']) {
          declared.push(
            ...requirementList(dataAt(body, [key]), 'dev', `tool.hatch.envs.${env}.${key}`, ['tool', 'hatch', 'envs', env, key], place),
          );
        }
      }
      const wheel = [...stringsIn(hatch, ['build', 'targets', 'wheel', 'packages']), ...stringsIn(hatch, ['build', 'packages'])];
      for (const folder of wheel) entries.push({ ...place(['tool', 'hatch', 'build']), pattern: project.file(folder), kind: 'build' });
      const hooks = dataAt(hatch, ['build', 'hooks']);
      for (const hook of Object.keys(isTable(hooks) ? hooks : {})) {
        if (hook !== 'custom')
          packages.push({
            name: `hatch-${hook}`,
            role: 'dev',
            via: `[tool.hatch.build.hooks.${hook}]`,
            ...place(['tool', 'hatch', 'build', 'hooks', hook]),
          });
      }
      if (dataAt(hatch, ['version', 'source']) === 'vcs')
        packages.push({ name: 'hatch-vcs', role: 'dev', via: '[tool.hatch.version] source "vcs"', ...place(['tool', 'hatch', 'version']) });
    }
    return { declared, entries, packages };
  },
});
