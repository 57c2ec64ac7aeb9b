export interface ExplicitExportsGeneratorSchema {
  project: string;
  skipFormat?: boolean;
}
