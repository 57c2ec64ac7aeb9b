export interface BarrelsGeneratorSchema {
  project: string;
  /** Comma-separated project-relative folders that get a barrel (TypeScript). */
  folders?: string;
  skipFormat?: boolean;
}
