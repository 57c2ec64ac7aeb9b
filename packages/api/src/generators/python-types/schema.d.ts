export interface PythonTypesGeneratorSchema {
  project: string;
  skipFormat?: boolean;
}
