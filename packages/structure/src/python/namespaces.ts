import { stringsIn, type PyProject } from '@shipshape/core';

/**
 * Dotted names of the packages that are meant to be implicit namespace packages (PEP 420), configured in
 * pyproject.toml: `[tool.shipshape] namespace-packages = ["acme"]`. Any other package folder needs an __init__.py.
 */
export function configuredNamespaces(pyproject: PyProject | undefined): string[] {
  return stringsIn(pyproject, ['tool', 'shipshape', 'namespace-packages']);
}
