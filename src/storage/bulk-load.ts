import type { Database } from "./database.js";
import { buildBulkIndexes, dropBulkIndexes } from "./sqlite/bulk-indexes.js";

/** A load this small gains nothing from building indexes afterwards. */
const BULK_FROM = 20_000;

/**
 * Whether a load of about `expected` papers into a database holding `stored` is a bulk load: on SQLite one that
 * at least doubles the papers, and runs without the indexes that take keys in random order
 * (sqlite/bulk-indexes.ts). PostgreSQL keeps every index.
 */
export function isBulkLoad(database: Database, stored: number, expected: number): boolean {
  return database.native.kind === "sqlite" && expected >= BULK_FROM && expected >= stored;
}

/** Before a bulk load: drop the indexes it would otherwise update in random order. */
export function startBulkLoad(database: Database): void {
  if (database.native.kind === "sqlite") dropBulkIndexes(database.native.db);
}

/** After a load (or at any start): build whichever of those indexes is missing, one sorted pass each. */
export function finishBulkLoad(database: Database): string[] {
  return database.native.kind === "sqlite" ? buildBulkIndexes(database.native.db) : [];
}
