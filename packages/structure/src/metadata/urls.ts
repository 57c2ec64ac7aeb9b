/** An absolute http(s) URL; what homepage, bugs and [project.urls] values must be. */
export function isWebUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/**
 * The well-known [project.urls] labels (PyPA "Well-known Project URLs"), normalized as PyPI does
 * (lower case, no punctuation or spaces), with the aliases it accepts.
 */
export const PYTHON_URL_ROLES: Record<'homepage' | 'source' | 'issues', { label: string; aliases: string[] }> = {
  homepage: { label: 'Homepage', aliases: ['homepage'] },
  source: { label: 'Source', aliases: ['source', 'repository', 'sourcecode', 'github', 'gitlab'] },
  issues: { label: 'Issues', aliases: ['issues', 'bugs', 'issue', 'tracker', 'issuetracker', 'bugtracker'] },
};

export function normalizeUrlLabel(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * The repository field names a repository on GitHub, GitLab or Bitbucket (a URL, `github:user/repo`, or the
 * `user/repo` shorthand): npm then derives "bugs" and "homepage" from it when it publishes.
 */
export function hostedRepository(repository: unknown): boolean {
  const url = typeof repository === 'object' && repository !== null ? (repository as { url?: unknown }).url : repository;
  if (typeof url !== 'string') return false;
  return (
    /(^|[/@.])(github\.com|gitlab\.com|bitbucket\.org)[/:]/.test(url) ||
    /^(github|gitlab|bitbucket):/.test(url) ||
    /^[\w.-]+\/[\w.-]+$/.test(url)
  );
}
