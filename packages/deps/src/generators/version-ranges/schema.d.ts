export interface VersionRangesGeneratorSchema {
  project: string;
  skipFormat?: boolean;
}
