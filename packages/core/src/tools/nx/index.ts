import { posix } from 'node:path';
import type { ShipshapeProject } from '../../facts/shipshape-project';
import { commandReferences } from '../package-scripts';
import { configValues, packageOfSpecifier, packageRef } from '../references';
import { keysAt, readJsonValue, stringsAt, valueAt, type StaticValue } from '../static-value';
import { defineTool, type EntryReference, type OutputReference, type PackageReference } from '../tool';

/** Executors Nx itself provides. */
const NX_OWN = /^nx:/;

/** `@nx/vite:build` is the package @nx/vite; `nx:run-commands` is nx. */
function executorPackage(executor: string): string | undefined {
  if (NX_OWN.test(executor)) return 'nx';
  const name = executor.split(':')[0];
  return name && !name.startsWith('.') ? packageOfSpecifier(name) : undefined;
}

/** `{projectRoot}/src/index.ts`, `{workspaceRoot}/x`, or a workspace-relative path, as a workspace-relative path. */
function workspacePath(project: ShipshapeProject, value: string): string {
  return posix.normalize(value.replace('{projectRoot}', project.root).replace('{workspaceRoot}/', '').replace(/^\.\//, ''));
}

function targetReferences(project: ShipshapeProject, targets: StaticValue, file: string) {
  const packages: PackageReference[] = [];
  const entries: EntryReference[] = [];
  const outputs: OutputReference[] = [];
  for (const { value: name } of keysAt(targets, [])) {
    const target = valueAt(targets, [name])[0];
    for (const executor of stringsAt(target, ['executor'])) {
      const pkg = executorPackage(executor.value);
      if (pkg)
        packages.push(
          packageRef(pkg, { file, line: executor.line, column: executor.column }, `target "${name}" executor "${executor.value}"`),
        );
    }
    const commands = [
      ...stringsAt(target, ['command']),
      ...stringsAt(target, ['options', 'command']),
      ...valueAt(target, ['options', 'commands']).flatMap((c) =>
        c.kind === 'array' ? c.items.flatMap((item) => (item.kind === 'string' ? [item] : stringsAt(item, ['command']))) : [],
      ),
    ];
    for (const command of commands)
      packages.push(...commandReferences(project, command.value, { file, line: command.line, column: command.column }, `target "${name}"`));
    for (const main of [...stringsAt(target, ['options', 'main']), ...stringsAt(target, ['options', 'additionalEntryPoints'])]) {
      entries.push({ file, line: main.line, column: main.column, pattern: workspacePath(project, main.value), kind: 'build' });
    }
    const mains = stringsAt(target, ['options', 'main']).map((m) => workspacePath(project, m.value));
    // @nx/js:tsc and :swc keep the project's folders below outputPath (dist/libs/ui/src/index.js from libs/ui/src/index.ts).
    const mirrors = stringsAt(target, ['executor']).some((e) => /^@nx\/js:(tsc|swc)$/.test(e.value));
    const outputPaths = stringsAt(target, ['options', 'outputPath']);
    for (const out of outputPaths) {
      const dir = workspacePath(project, out.value);
      outputs.push({ file, line: out.line, column: out.column, dir, entries: mains, ...(mirrors ? { from: project.root } : {}) });
    }
    // `outputs` of any target (a build's dist, a test run's coverage): folders a tool writes, never sources.
    for (const out of stringsAt(target, ['outputs'])) {
      const dir = workspacePath(project, out.value.replace(/^\{options\.outputPath\}/, outputPaths[0]?.value ?? '{options.outputPath}'));
      if (!dir.includes('{')) outputs.push({ file, line: out.line, column: out.column, dir });
    }
  }
  return { packages, entries, outputs };
}

/** Nx: the executors and commands of a project's targets, their build entries and outputs, and the plugins nx.json loads. */
export default defineTool({
  name: 'nx',
  ecosystem: 'npm',
  enablers: ['nx'],
  binaries: ['nx'],
  configFiles: ['project.json'],
  manifestFields: ['nx'],
  workspaceConfigFiles: ['nx.json'],
  references({ project, configs, fields }) {
    const packages: PackageReference[] = [];
    const entries: EntryReference[] = [];
    const outputs: OutputReference[] = [];
    const add = (found: ReturnType<typeof targetReferences>) => {
      packages.push(...found.packages);
      entries.push(...found.entries);
      outputs.push(...found.outputs);
    };
    for (const { file, value } of configValues(configs)) {
      if (posix.basename(file) === 'nx.json') {
        for (const plugin of [...valueAt(value, ['plugins']).flatMap((list) => (list.kind === 'array' ? list.items : []))]) {
          for (const name of plugin.kind === 'string' ? [plugin] : stringsAt(plugin, ['plugin'])) {
            const pkg = packageOfSpecifier(name.value);
            if (pkg) packages.push(packageRef(pkg, { file, line: name.line, column: name.column }, `nx.json plugin "${name.value}"`));
          }
        }
        for (const key of keysAt(value, ['targetDefaults'])) {
          const pkg = key.value.includes(':') ? executorPackage(key.value) : undefined;
          if (pkg) packages.push(packageRef(pkg, { file, ...key }, `nx.json targetDefaults "${key.value}"`));
        }
        for (const executor of valueAt(value, ['targetDefaults'])
          .flatMap((t) => (t.kind === 'object' ? [...t.properties.values()] : []))
          .flatMap((t) => stringsAt(t, ['executor']))) {
          const pkg = executorPackage(executor.value);
          if (pkg) packages.push(packageRef(pkg, { file, ...executor }, `nx.json targetDefaults executor "${executor.value}"`));
        }
        continue;
      }
      for (const targets of valueAt(value, ['targets'])) add(targetReferences(project, targets, file));
    }
    for (const field of fields) {
      const value = readJsonValue(JSON.stringify(field.value));
      for (const targets of valueAt(value, ['targets'])) {
        const found = targetReferences(project, targets, field.file);
        add({ ...found, packages: found.packages.map((p) => ({ ...p, line: field.line, column: field.column })) });
      }
    }
    return { packages, entries, outputs };
  },
});
