/**
 * Faults of the storage underneath Paperboy rather than of what was asked: a full disk, a database server
 * that is restarting or unreachable, a SQLite file whose one writer another process held too long. They are
 * told apart here, once, so the CLI can say what to do and the web app can answer 503 (try again shortly)
 * instead of 500.
 */
export type StorageFault = "disk_full" | "unavailable" | "busy";

// SQLite's and the OS's codes for a full disk or database, and PostgreSQL's disk_full / out_of_memory classes.
const DISK_FULL = new Set(["SQLITE_FULL", "ENOSPC", "53100", "53200"]);
// A server that went away or is not there yet: refused or reset connections, admin or crash shutdown, a server
// starting up or shutting down (57P01-57P03), lost connections (08xxx).
const UNAVAILABLE = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08006",
]);
// SQLite's answers when another connection held the lock past busy_timeout (5 s: sqlite/open.ts).
const BUSY = new Set(["SQLITE_BUSY", "SQLITE_BUSY_SNAPSHOT", "SQLITE_BUSY_RECOVERY", "SQLITE_BUSY_TIMEOUT"]);
// node-postgres reports a connection lost mid-query in words only.
const LOST =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i;

export function storageFault(error: unknown): StorageFault | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && DISK_FULL.has(code)) return "disk_full";
  if (typeof code === "string" && UNAVAILABLE.has(code)) return "unavailable";
  if (typeof code === "string" && BUSY.has(code)) return "busy";
  if (error instanceof Error && LOST.test(error.message)) return "unavailable";
  return null;
}

/** What to tell an operator about a storage fault: what happened, and that running again finishes the job. */
export function describeStorageFault(error: unknown): string | null {
  const fault = storageFault(error);
  const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
  if (fault === "disk_full")
    return `the disk or the database is full (${detail}): free some space and run the same command again; what was committed is kept and will not be repeated`;
  if (fault === "unavailable")
    return `the database cannot be reached (${detail}): once it is back, run the same command again`;
  if (fault === "busy")
    return `the database is busy: another process has held SQLite's write lock for longer than this one waits (5 s), as an import does while it rebuilds its indexes (${detail}): run the same command again once it is done; what was committed is kept`;
  return null;
}
