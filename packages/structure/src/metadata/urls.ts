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
