import { locateJson, locateToml } from '../manifest';
import { defineFact } from '../facts/fact';
import { declaredNames } from '../facts/project/declared-names';
import { projectFiles } from '../facts/project/files';
import { packageJson, pyproject } from '../facts/project/manifests';
import { projectRelative } from '../file-system/paths';
import { dataAt } from '../util/data';
import { matchesGlob } from '../util/glob';
import { lazyModule } from '../util/lazy-module';
import type { ShipshapeProject } from '../facts/shipshape-project';
import type { ToolAdapter, ToolConfigFile, ToolContext, ToolReferences } from './tool';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the adapters read configs with the TypeScript parser: loaded on first use
const registry = lazyModule(() => require('./registry') as typeof import('./registry'));
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, without the npm tools' parser
const pythonRegistry = lazyModule(() => require('./registry-python') as typeof import('./registry-python'));

/** A tool the project uses, why Shipshape thinks so, and what its configuration references. */
export interface ProjectTool {
  adapter: ToolAdapter;
  /** `declared "vitest"`, `config vitest.config.ts`, `package.json "jest"`. */
  enabledBy: string;
  configs: ToolConfigFile[];
  references: ToolReferences;
}

/** The tools the project uses, each with what its configuration references (see core/src/tools). */
export const projectTools = defineFact({
  id: 'tools/project',
  inputs: [projectFiles, packageJson, pyproject, declaredNames],
  compute: (project): ProjectTool[] => detectTools(project, registry().TOOLS),
});

/** The Python tools the project uses (the same as `projectTools` gives for them), without loading the npm tools' adapters. */
export const pythonProjectTools = defineFact({
  id: 'tools/python-project',
  inputs: [projectFiles, pyproject, declaredNames],
  compute: (project): ProjectTool[] => detectTools(project, pythonRegistry().PYTHON_TOOLS),
});

function detectTools(project: ShipshapeProject, adapters: readonly ToolAdapter[]): ProjectTool[] {
  const files = project.get(projectFiles);
  const pkg = adapters.some((adapter) => adapter.ecosystem === 'npm') ? project.get(packageJson) : undefined;
  const [py, declared] = [project.get(pyproject), project.get(declaredNames)];
  const { source } = project.workspace;
  const relative = files.map((f) => ({ file: f.file, rel: projectRelative(project.root, f.file) }));
  const found: ProjectTool[] = [];
  for (const adapter of adapters) {
    const names = adapter.ecosystem === 'npm' ? declared.npmWithRoot : declared.pythonWithRoot;
    const configs: ToolConfigFile[] = relative
      .filter(({ rel }) => adapter.configFiles.some((glob) => matchesGlob(rel, glob)))
      .flatMap(({ file }) => {
        const text = source.read(file);
        return text === undefined ? [] : [{ file, text }];
      });
    if (project.root !== '.') {
      for (const name of adapter.workspaceConfigFiles ?? []) {
        const text = source.read(name);
        if (text !== undefined) configs.push({ file: name, text });
      }
    }
    const manifest = adapter.ecosystem === 'npm' ? pkg : py;
    const fields: ToolContext['fields'] = [];
    for (const field of adapter.manifestFields ?? []) {
      const path = field.split('.');
      const value = dataAt(manifest?.data, path);
      if (value === undefined || !manifest) continue;
      const at = (adapter.ecosystem === 'npm' ? locateJson(manifest.text, path) : locateToml(manifest.text, path)) ?? {
        line: 0,
        column: 0,
      };
      fields.push({ file: manifest.path, path, value, ...at });
    }
    const enabler = adapter.enablers.find((name) => names.has(name));
    const enabledBy = enabler
      ? `declared "${enabler}"`
      : configs[0]
        ? `config ${configs[0].file}`
        : fields[0]
          ? `${fields[0].file} "${fields[0].path.join('.')}"`
          : undefined;
    if (!enabledBy) continue;
    const references = adapter.references?.({ project, configs, fields }) ?? {};
    found.push({
      adapter,
      enabledBy,
      configs,
      references: {
        packages: references.packages ?? [],
        entries: references.entries ?? [],
        outputs: references.outputs ?? [],
        declared: references.declared ?? [],
      },
    });
  }
  return found;
}
