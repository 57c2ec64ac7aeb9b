export interface CategorizeGeneratorSchema {
  project: string;
  skipFormat?: boolean;
}
