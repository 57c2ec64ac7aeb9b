export interface ApiReportGeneratorSchema {
  project: string;
  /** Git ref to classify against (default: the last release tag, else HEAD). */
  baseline?: string;
  /** Unused: reports are never formatted. */
  skipFormat?: boolean;
}
