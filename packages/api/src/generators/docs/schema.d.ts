export interface DocsGeneratorSchema {
  project: string;
  skipInstall?: boolean;
  skipFormat?: boolean;
}
