export interface PythonSrcLayoutGeneratorSchema {
  project: string;
  skipFormat?: boolean;
}
