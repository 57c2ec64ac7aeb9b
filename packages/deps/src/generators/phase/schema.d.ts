export interface PhaseGeneratorSchema {
  project: string;
  /** Also remove unused dependencies and declared standard-library modules (default true). */
  removeUnused?: boolean;
  skipFormat?: boolean;
}
