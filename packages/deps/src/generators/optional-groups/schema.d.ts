export interface OptionalGroupsGeneratorSchema {
  project: string;
  /** Python: the extra to put the optional dependencies in; by default each dependency's own name. */
  extra?: string;
  skipFormat?: boolean;
}
