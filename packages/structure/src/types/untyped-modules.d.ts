// spdx-expression-parse and spdx-license-ids ship no type declarations.
declare module 'spdx-expression-parse' {
  export interface LicenseInfo {
    license: string;
    plus?: true;
    exception?: string;
  }
  export interface ConjunctionInfo {
    conjunction: 'and' | 'or';
    left: LicenseInfo | ConjunctionInfo;
    right: LicenseInfo | ConjunctionInfo;
  }
  function parse(expression: string): LicenseInfo | ConjunctionInfo;
  export = parse;
}

declare module 'spdx-license-ids' {
  const ids: string[];
  export = ids;
}

declare module 'spdx-license-ids/deprecated.json' {
  const ids: string[];
  export = ids;
}

// npm-packlist (npm's own file list for `npm pack`) ships no type declarations.
declare module 'npm-packlist' {
  interface PackTree {
    path: string;
    package: Record<string, unknown>;
    isProjectRoot: boolean;
    edgesOut: Map<string, unknown>;
  }
  function packlist(tree: PackTree, options: { path: string; prefix?: string; workspaces?: string[] }): Promise<string[]>;
  export = packlist;
}
