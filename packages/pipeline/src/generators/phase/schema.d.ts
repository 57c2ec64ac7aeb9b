export interface PhaseGeneratorSchema {
  phase: number;
  projects?: string;
  skipFormat?: boolean;
}
