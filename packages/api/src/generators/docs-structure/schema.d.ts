export interface DocsStructureGeneratorSchema {
  project: string;
  skipFormat?: boolean;
}
