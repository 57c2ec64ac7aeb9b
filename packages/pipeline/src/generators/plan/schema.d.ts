export interface PlanGeneratorSchema {
  start: string;
  /** An array from Nx (Nx Console, or `--projects=a,b` split by Nx); a comma-separated string from code. */
  projects?: string | string[];
  tags?: string | string[];
  timeZone?: string;
  skipFormat?: boolean;
}
