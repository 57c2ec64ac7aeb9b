export interface ExplicitTypesGeneratorSchema {
  project: string;
  skipFormat?: boolean;
}
