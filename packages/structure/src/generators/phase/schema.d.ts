export interface PhaseGeneratorSchema {
  /** One project; every enrolled project of shipshape-plan.json when omitted. */
  project?: string;
  skipFormat?: boolean;
}
