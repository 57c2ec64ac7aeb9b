import type { Tree } from '@nx/devkit';
import {
  defineFixGenerator,
  editJson,
  npmDeclaredNames,
  parseJson,
  pythonAnalysis,
  type FixResult,
  type ShipshapeProject,
} from '@shipshape/core';
import { API_OPTIONS } from '../../options';
import { FLOORS_FILE, raisedFloors } from '../../shared/floors';
import { DOCUMENTED_FLOOR } from '../../docs/checks/undocumented';
import { DOCS_DEV_DEPENDENCIES, completeMkdocsConfig, completeTypedocConfig, newMkdocsConfig, newTypedocConfig } from '../../docs/config';
import { documentation } from '../../docs/documented';
import {
  API_DIR,
  MKDOCS_FILE,
  TYPEDOC_FILE,
  autodocIdentifiers,
  coveredModules,
  docsDirOf,
  mkdocsData,
  publicPythonModules,
  publicTypescriptEntries,
  pythonSourcePaths,
  siteDirOf,
} from '../../docs/layout';
import type { DocsGeneratorSchema } from './schema';

type Change = { path: string; content: string };

/**
 * `nx g @shipshape/api:docs --project=x`: the docs toolchain of one project (typedoc.json for TS, mkdocs.yml for
 * both), written or completed in place, the Python API pages, the tools in the root devDependencies, the built
 * output in .gitignore, and the documented-share floor. It writes no doc comment: that needs a person.
 */
export const docsGenerator = defineFixGenerator<DocsGeneratorSchema>({
  name: '@shipshape/api:docs',
  sections: [API_OPTIONS],
  fix: async ({ tree, schema, project }): Promise<FixResult> => {
    const changes: Change[] = [];
    const done: string[] = [];
    const left: string[] = [];
    const source = project.workspace.source;
    const python = !source.isFile(project.file('package.json')) && source.isFile(project.file('pyproject.toml'));
    if (!python && !source.isFile(project.file('package.json')))
      return { left: [`${project.root}: neither package.json nor pyproject.toml; nothing to document`] };
    const gitignore: string[] = [];

    // TypeScript: typedoc.json, its Markdown output generated at build time (ignored by git)
    if (!python) {
      const entries = publicTypescriptEntries(project);
      const typedocFile = project.file(TYPEDOC_FILE);
      const current = source.read(typedocFile);
      if (entries.length === 0 && current === undefined) {
        left.push(
          `${project.file('package.json')}: no TypeScript source behind the exports map (or main/types): TypeDoc has no entry point; typedoc.json not written`,
        );
      } else {
        const tsconfig = ['tsconfig.lib.json', 'tsconfig.json'].find((name) => source.isFile(project.file(name)));
        if (current === undefined) {
          changes.push({ path: typedocFile, content: newTypedocConfig({ entryPoints: entries, tsconfig }) });
          done.push(`${typedocFile}: created (entry points ${entries.join(', ')}, Markdown into ${API_DIR})`);
        } else {
          const edited = completeTypedocConfig(current, typedocFile, { entryPoints: entries, tsconfig });
          if (edited.text !== current) changes.push({ path: typedocFile, content: edited.text });
          done.push(...edited.done.map((line) => `${typedocFile}: ${line}`));
          left.push(...edited.left);
        }
        gitignore.push(`${project.file(API_DIR)}/`);
        const manifest = addDevDependencies(tree);
        if (manifest) {
          changes.push(manifest.change);
          done.push(`package.json: added ${manifest.added.join(', ')} to devDependencies`);
        }
      }
    } else {
      const manifest = addDevDependencies(tree, ['mermaid']);
      if (manifest) {
        changes.push(manifest.change);
        done.push(`package.json: added ${manifest.added.join(', ')} to devDependencies (the site loads Mermaid from it)`);
      }
    }

    // mkdocs.yml: one Markdown site for the guides and the API pages
    const mkdocsFile = project.file(MKDOCS_FILE);
    const currentMkdocs = source.read(mkdocsFile);
    const spec = { siteName: project.name, python, paths: python ? pythonSourcePaths(project) : [] };
    let mkdocsText: string;
    if (currentMkdocs === undefined) {
      mkdocsText = newMkdocsConfig(spec);
      changes.push({ path: mkdocsFile, content: mkdocsText });
      done.push(`${mkdocsFile}: created (Material${python ? ', mkdocstrings' : ''}, the Mermaid fence)`);
    } else {
      const edited = completeMkdocsConfig(currentMkdocs, mkdocsFile, spec);
      mkdocsText = edited.text;
      if (edited.text !== currentMkdocs) changes.push({ path: mkdocsFile, content: edited.text });
      done.push(...edited.done.map((line) => `${mkdocsFile}: ${line}`));
    }
    const data = mkdocsData(mkdocsText, mkdocsFile);
    gitignore.push(`${project.file(siteDirOf(data))}/`);

    // Python: one page per public module, never over a page that exists
    if (python) {
      const docsDir = project.file(docsDirOf(data));
      const apiDir = docsDirOf(data) === 'docs' ? project.file(API_DIR) : `${docsDir}/reference/api`;
      const documented = documentedModules(project, docsDir);
      const analysis = await project.get(pythonAnalysis);
      for (const module of publicPythonModules(project)) {
        const result = analysis.files[module.file];
        if (result?.error) {
          left.push(`${module.file}: cannot be parsed (${result.error.message}); no API page written for ${module.name}`);
          continue;
        }
        if (documented.has(module.name)) continue;
        const page = `${apiDir}/${module.name}.md`;
        if (source.exists(page)) {
          left.push(`${page}: exists without "::: ${module.name}"; kept as you wrote it`);
          continue;
        }
        changes.push({ path: page, content: `# ${module.name}\n\n::: ${module.name}\n` });
        done.push(`${page}: created (the API of ${module.name}, rendered by mkdocstrings)`);
      }
    }

    // .gitignore: the built site, and the TS API pages TypeDoc regenerates at every build
    const ignore = ignored(source.read('.gitignore'), gitignore);
    if (ignore) {
      changes.push({ path: '.gitignore', content: ignore.text });
      done.push(`.gitignore: added ${ignore.added.join(', ')} (built by the docs target)`);
    }

    // the ratchet baseline of the documented share; the missing comments are the user's to write
    const { symbols, ratio } = await project.get(documentation);
    if (ratio !== undefined) {
      const floorsPath = project.file(FLOORS_FILE);
      const raised = raisedFloors(source.read(floorsPath), floorsPath, DOCUMENTED_FLOOR, ratio);
      if (raised) {
        changes.push({ path: floorsPath, content: raised });
        done.push(
          `${floorsPath}: recorded the documented share of public symbols, ${Math.floor(ratio * 10) / 10} %, as its floor ${DOCUMENTED_FLOOR}`,
        );
      }
      const undocumented = symbols.filter((s) => !s.documented);
      if (undocumented.length)
        left.push(
          `${undocumented.length} public symbol${undocumented.length === 1 ? ' has' : 's have'} no ${python ? 'docstring' : 'doc comment'} (${undocumented
            .slice(0, 5)
            .map((s) => `${s.name} in ${s.file}:${s.line}`)
            .join(', ')}${undocumented.length > 5 ? ', …' : ''}): a person who knows what each is for must write it`,
        );
    }
    const tasks = [];
    if (!schema.skipInstall && changes.some((c) => c.path === 'package.json')) {
      const { installPackagesTask } = await import('@nx/devkit');
      tasks.push(() => installPackagesTask(tree));
    }
    return { changes, done, left, tasks };
  },
});

export default docsGenerator;

/** Modules some page of the docs folder already renders with `::: module` (or one of its members). */
function documentedModules(project: ShipshapeProject, docsDir: string): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const name of project.workspace.source.children(dir)) {
      const path = `${dir}/${name}`;
      if (project.workspace.source.isFile(path)) {
        if (name.endsWith('.md')) for (const id of autodocIdentifiers(project.workspace.source.read(path) ?? '')) found.add(id);
      } else walk(path);
    }
  };
  walk(docsDir);
  return coveredModules(
    found,
    publicPythonModules(project).map((m) => m.name),
  );
}

/** The root package.json with the docs tools added to devDependencies where no dependency group has them. */
function addDevDependencies(tree: Tree, only?: string[]): { change: Change; added: string[] } | undefined {
  const text = tree.read('package.json', 'utf-8');
  if (text === null) return undefined;
  const manifest = parseJson<Record<string, Record<string, string> | undefined>>(text, 'package.json');
  const declared = new Set(npmDeclaredNames(manifest));
  const wanted = Object.entries(DOCS_DEV_DEPENDENCIES).filter(([name]) => (!only || only.includes(name)) && !declared.has(name));
  if (wanted.length === 0) return undefined;
  const edits = manifest.devDependencies
    ? wanted.map(([name, range]) => ({ path: ['devDependencies', name], value: range }))
    : [{ path: ['devDependencies'], value: Object.fromEntries(wanted) }];
  return {
    change: { path: 'package.json', content: editJson(text, edits, 'package.json') },
    added: wanted.map(([name, range]) => `${name}@${range}`),
  };
}

/** .gitignore with the patterns it lacks appended (its line endings kept); undefined when it has them all. */
export function ignored(current: string | undefined, patterns: string[]): { text: string; added: string[] } | undefined {
  const text = current ?? '';
  const lines = new Set(text.split(/\r?\n/).map((l) => l.trim().replace(/^\//, '')));
  const added = [...new Set(patterns)].filter((p) => !lines.has(p) && !lines.has(p.replace(/\/$/, '')));
  if (added.length === 0) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const prefix = text === '' || text.endsWith('\n') ? text : `${text}${eol}`;
  return {
    text: `${prefix}${prefix ? eol : ''}# docs built by the docs target (@shipshape/api)${eol}${added.map((p) => `/${p}`).join(eol)}${eol}`,
    added,
  };
}
