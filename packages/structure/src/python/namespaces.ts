import type { PyProject } from '@shipshape/core';

/**
 * Dotted names of the packages that are meant to be implicit namespace packages (PEP 420), configured in
 * pyproject.toml: `[tool.shipshape] namespace-packages = ["acme"]`. Any other package folder needs an __init__.py.
 */
export function configuredNamespaces(pyproject: PyProject | undefined): string[] {
  const tool = (pyproject?.tool as Record<string, unknown> | undefined)?.shipshape as Record<string, unknown> | undefined;
  const names = tool?.['namespace-packages'];
  return Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : [];
}
