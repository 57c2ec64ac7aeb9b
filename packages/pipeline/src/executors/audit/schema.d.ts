import type { ShipshapeOptions } from '@shipshape/core';

export interface AuditExecutorSchema extends Omit<ShipshapeOptions, 'targetName'> {
  updateBaseline?: boolean;
  /** Read by the executor for its terminal output (ShipshapeOptions' index signature makes Omit lose the named options). */
  listPerCheck?: number;
  quiet?: boolean;
}
