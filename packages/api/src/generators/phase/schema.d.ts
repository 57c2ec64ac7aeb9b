export interface PhaseGeneratorSchema {
  /** One project; every enrolled project of shipshape-plan.json when omitted. */
  project?: string;
  /** Leave the documentation steps out; default false. */
  skipDocs?: boolean;
  skipFormat?: boolean;
}
