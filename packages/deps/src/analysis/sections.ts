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

/** Where a fix to `to` puts a dependency, in words. */
export function describeTarget(ecosystem: Ecosystem, to: TargetGroup): string {
  if (ecosystem === 'npm')
    return {
      runtime: '"dependencies"',
      dev: '"devDependencies"',
      optional: 'an optional peer dependency ("peerDependencies" with "peerDependenciesMeta" optional)',
    }[to];
  return {
    runtime: '[project].dependencies',
    dev: 'a [dependency-groups] group (PEP 735), e.g. "dev"',
    optional: 'an extra of [project.optional-dependencies]',
  }[to];
}

export function describeDeclared(ecosystem: Ecosystem, declared: DeclaredDependency): string {
  return describeSection(ecosystem, declared.section);
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
