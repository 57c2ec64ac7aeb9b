export interface PhaseGeneratorSchema {
  phase: number;
  /** An array from Nx (Nx Console, or `--projects=a,b` split by Nx); a comma-separated string from code. */
  projects?: string | string[];
  skipFormat?: boolean;
}
