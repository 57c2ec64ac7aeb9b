// A suite that is one scenario: `step`s run in order and each needs the ones before it; `check`s
// inspect what the steps produced. After a failed step, what follows fails at once with the name of
// that step, instead of with the knock-on errors of missing state.
import { formatResult, type RunResult } from './run';

export function scenario() {
  let broken: string | undefined;
  const guard = () => {
    if (!broken) return;
    const error = new Error(`not run: the earlier step "${broken}" failed`);
    error.stack = error.message; // no code frame: the cause is reported with that step
    throw error;
  };
  return {
    step: (name: string, fn: () => unknown, timeout?: number) => {
      it(
        name,
        async () => {
          guard();
          try {
            await fn();
          } catch (error) {
            broken = name;
            throw error;
          }
        },
        timeout,
      );
    },
    check: (name: string, fn: () => unknown, timeout?: number) => {
      it(
        name,
        async () => {
          guard();
          await fn();
        },
        timeout,
      );
    },
  };
}

/** Runs assertions about what a command did; a failure also shows the command's output. */
export function withOutput<T>(result: RunResult, assertions: () => T): T {
  try {
    return assertions();
  } catch (error) {
    if (error instanceof Error) {
      error.message = `${error.message}\n\n${formatResult(result)}`;
    }
    throw error;
  }
}
