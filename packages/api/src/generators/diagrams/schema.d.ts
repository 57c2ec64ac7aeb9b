export interface DiagramsGeneratorSchema {
  project: string;
  skipFormat?: boolean;
}
