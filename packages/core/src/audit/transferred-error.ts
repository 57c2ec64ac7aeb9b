import { errorMessage, isShipshapeError, ShipshapeError } from '../util/errors';

/** An audit's error as it crosses to another thread or process: its message, and whether it is the user's problem. */
export interface TransferredError {
  message: string;
  shipshape: boolean;
}

export function transferError(error: unknown): TransferredError | undefined {
  return error === undefined ? undefined : { message: errorMessage(error), shipshape: isShipshapeError(error) };
}

/** The error again on this side: a ShipshapeError stays one (printed without a stack trace). */
export function receiveError(error: TransferredError | undefined): Error | undefined {
  return error && (error.shipshape ? new ShipshapeError(error.message) : new Error(error.message));
}
