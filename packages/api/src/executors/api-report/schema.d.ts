export interface ApiReportExecutorSchema {
  /** Bound of the declaration build (tsc) per project, in seconds (default 300). */
  timeoutSeconds?: number;
}
