/**
 * Base class of every error thrown by `@acme/money`, so callers can catch
 * money problems without swallowing unrelated bugs.
 */
export class MoneyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class UnknownCurrencyError extends MoneyError {
  constructor(readonly code: string) {
    super(`Unknown currency code "${code}"`);
  }
}

/** Thrown when two amounts in different currencies are combined. */
export class CurrencyMismatchError extends MoneyError {
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`Currency mismatch: expected ${expected}, got ${actual}`);
  }
}

export class MoneyParseError extends MoneyError {
  constructor(
    readonly input: string,
    readonly reason: string,
  ) {
    super(`Cannot parse "${input}" as money: ${reason}`);
  }
}

export class AllocationError extends MoneyError {}
