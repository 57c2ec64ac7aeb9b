import type { DeclaredDependency, Ecosystem, TargetGroup } from './model';

/** How a message names a manifest section: `"dependencies"`, `[project].dependencies`, `[dependency-groups] dev`, `[tool.poetry.dependencies]`. */
function describeSection(ecosystem: Ecosystem, section: string): string {
  if (ecosystem === 'npm') return `"${section}"`;
  if (section === 'project.dependencies') return '[project].dependencies';
  if (section.startsWith('tool.') || section === 'build-system.requires') return `[${section}]`;
  if (section.endsWith('.txt')) return section; // a requirements file
  const [table, name] = splitOnce(section, '.');
  return name ? `[${table === 'optional-dependencies' ? 'project.optional-dependencies' : table}] ${name}` : `[${table}]`;
}

/** Where each target group is, by how the manifest declares dependencies: runtime, dev, optional. */
const TARGETS: Record<'npm' | 'pep621' | 'poetry', Record<TargetGroup, string>> = {
  npm: {
    runtime: '"dependencies"',
    dev: '"devDependencies"',
    optional: 'an optional peer dependency ("peerDependencies" with "peerDependenciesMeta" optional)',
  },
  pep621: {
    runtime: '[project].dependencies',
    dev: 'a [dependency-groups] group (PEP 735), e.g. "dev"',
    optional: 'an extra of [project.optional-dependencies]',
  },
  poetry: {
    runtime: '[tool.poetry.dependencies]',
    dev: 'a Poetry group, e.g. [tool.poetry.group.dev.dependencies]',
    optional: 'an optional entry of [tool.poetry.dependencies] named by an extra of [tool.poetry.extras]',
  },
};

/** Where a fix to `to` puts a dependency, in words: a Poetry project without PEP 621 metadata declares them in Poetry's tables. */
export function describeTarget(ecosystem: Ecosystem, to: TargetGroup, tables?: 'poetry'): string {
  return TARGETS[ecosystem === 'npm' ? 'npm' : (tables ?? 'pep621')][to];
}

export function describeDeclared(ecosystem: Ecosystem, declared: DeclaredDependency): string {
  return describeSection(ecosystem, declared.section);
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
