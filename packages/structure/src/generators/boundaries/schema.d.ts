export interface BoundariesGeneratorSchema {
  project: string;
  pythonInternal?: boolean;
  skipFormat?: boolean;
}
