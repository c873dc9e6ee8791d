import type BetterSqlite3 from "better-sqlite3";

/**
 * Runs `work` inside one write transaction taken up front (BEGIN IMMEDIATE) on the connection Kysely also
 * uses. Kysely's SQLite migrator neither locks nor wraps DDL in a transaction, assuming one process per file:
 * two `paperboy serve` started at once on a new file would both create the same tables. Under this lock the
 * second waits (busy_timeout), then finds every migration applied.
 */
export async function withWriteLock<T>(db: BetterSqlite3.Database, work: () => Promise<T>): Promise<T> {
  db.exec("begin immediate");
  try {
    const result = await work();
    db.exec("commit");
    return result;
  } catch (error) {
    if (db.inTransaction) db.exec("rollback");
    throw error;
  }
}
