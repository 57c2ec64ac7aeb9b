export interface OptionalGroupsGeneratorSchema {
  project: string;
  /** The dependency to make optional; without it, the candidates are listed. */
  dependency?: string;
  /** Python: the extra to put the optional dependencies in; by default each dependency's own name. */
  extra?: string;
  skipFormat?: boolean;
}
