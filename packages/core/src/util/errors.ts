/**
 * An error caused by the user's input (a malformed file, a bad option). Executors and generators print
 * its message alone, without a stack trace: the message names the file and the problem.
 */
export class ShipshapeError extends Error {
  constructor(
    message: string,
    readonly file?: string,
  ) {
    super(file && !message.includes(file) ? `${file}: ${message}` : message);
    this.name = 'ShipshapeError';
  }
}

/**
 * What this run could not judge, rather than what is wrong: no Python to read the Python files with, a source
 * file that does not parse. The checks that needed it are skipped, and the gate is `skipped` (it does not pass).
 */
export class IncompleteAuditError extends ShipshapeError {
  readonly incomplete = true;
}

export function isIncompleteAudit(error: unknown): boolean {
  return error instanceof Error && (error as { incomplete?: unknown }).incomplete === true;
}

export function isShipshapeError(error: unknown): error is ShipshapeError {
  return error instanceof Error && error.name === 'ShipshapeError';
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
