export interface PlanGeneratorSchema {
  start: string;
  projects?: string;
  tags?: string;
  timeZone?: string;
  skipFormat?: boolean;
}
