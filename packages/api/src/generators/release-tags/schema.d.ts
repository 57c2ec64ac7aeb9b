export interface ReleaseTagsGeneratorSchema {
  project: string;
  skipFormat?: boolean;
}
