export interface OptionalGroupsGeneratorSchema {
  project: string;
  /** Only this dependency; by default every one the check reports. */
  dependency?: string;
  /** Python: the extra to put the optional dependencies in; by default each dependency's own name. */
  extra?: string;
  skipFormat?: boolean;
}
