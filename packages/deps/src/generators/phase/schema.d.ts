export interface PhaseGeneratorSchema {
  /** One project; every enrolled project of shipshape-plan.json when omitted. */
  project?: string;
  /** Also remove unused dependencies and declared standard-library modules (runs prune); default false: they are listed. */
  removeUnused?: boolean;
  skipFormat?: boolean;
}
