export interface FeatureDetectionGeneratorSchema {
  project: string;
  /** One optional dependency to scaffold a loader for; by default, every optional dependency imported unguarded at module load. */
  dependency?: string;
  skipFormat?: boolean;
}
