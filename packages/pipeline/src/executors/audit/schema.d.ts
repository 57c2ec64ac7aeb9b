import type { ShipshapeOptions } from '@shipshape/core';

export interface AuditExecutorSchema extends Omit<ShipshapeOptions, 'targetName'> {
  updateBaseline?: boolean;
}
