export interface InitGeneratorSchema {
  targetName?: string;
  failOn?: 'info' | 'warning' | 'error' | 'never';
  quiet?: boolean;
  skipFormat?: boolean;
}
