import type { Database } from "./database.js";

/**
 * Runs `work` in one transaction, handing it a Database whose queries all go through that transaction, so the
 * same repository functions serve inside and outside one.
 */
export function inTransaction<T>(database: Database, work: (tx: Database) => Promise<T>): Promise<T> {
  return database.kysely.transaction().execute((trx) => work({ ...database, kysely: trx }));
}
