export interface MetadataGeneratorSchema {
  project: string;
  skipFormat?: boolean;
}
