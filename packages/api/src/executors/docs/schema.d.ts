export interface DocsExecutorSchema {
  python?: string;
  timeoutSeconds?: number;
}
