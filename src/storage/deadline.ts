import { AsyncLocalStorage } from "node:async_hooks";

/**
 * A time limit on the statements run on behalf of one piece of work (a search): every statement a search
 * reader runs inside `withDeadline` stops once the instant has passed (SQLite: interrupted by a watchdog;
 * PostgreSQL: `statement_timeout`), and fails with DeadlineExceeded.
 */
const current = new AsyncLocalStorage<number>();

export class DeadlineExceeded extends Error {
  constructor() {
    super("the statement ran past its deadline");
    this.name = "DeadlineExceeded";
  }
}

/** Runs `work` with its statements limited to end by `deadline` (epoch milliseconds). */
export function withDeadline<T>(deadline: number, work: () => Promise<T>): Promise<T> {
  return current.run(deadline, work);
}

/** Runs `work` free of any deadline (a short read the answer cannot do without, after the deadline passed). */
export function withoutDeadline<T>(work: () => Promise<T>): Promise<T> {
  return current.exit(work);
}

/** The deadline of the work this code runs for, if any. */
export function currentDeadline(): number | null {
  return current.getStore() ?? null;
}

/** Whether an error is a statement stopped at its deadline, on either backend. */
export function isDeadlineError(error: unknown): boolean {
  if (error instanceof DeadlineExceeded) return true;
  const code = (error as { code?: unknown } | null)?.code;
  // SQLite's interrupt; PostgreSQL's query_canceled (statement_timeout).
  return code === "SQLITE_INTERRUPT" || code === "57014";
}
