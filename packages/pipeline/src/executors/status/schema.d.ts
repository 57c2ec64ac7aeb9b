export interface StatusExecutorSchema {
  reportsDir?: string;
  outputDir?: string;
  historyFile?: string;
  failWhenBehind?: boolean;
  audit?: boolean;
  auditTargetName?: string;
}
