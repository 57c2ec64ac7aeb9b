export interface PhaseGeneratorSchema {
  /** One project; every enrolled project of shipshape-plan.json when omitted. */
  project?: string;
  /** Also remove unused dependencies and declared standard-library modules (default true). */
  removeUnused?: boolean;
  skipFormat?: boolean;
}
