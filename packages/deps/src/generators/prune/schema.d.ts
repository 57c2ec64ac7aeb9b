export interface PruneGeneratorSchema {
  project: string;
  skipFormat?: boolean;
}
