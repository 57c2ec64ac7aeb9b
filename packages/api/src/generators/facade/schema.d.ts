export interface FacadeGeneratorSchema {
  project: string;
  /** Scaffold the library's base error class under this name (PascalCase), exported from the facade. */
  baseError?: string;
  skipFormat?: boolean;
}
