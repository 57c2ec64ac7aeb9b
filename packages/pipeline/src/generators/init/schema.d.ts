export interface InitGeneratorSchema {
  targetName?: string;
  failOn?: 'info' | 'warning' | 'error' | 'never';
  skipFormat?: boolean;
}
