import { readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Database } from "../../src/storage/database.js";
import { sqliteFileOfUrl } from "../../src/storage/database-url.js";

function folderBytes(folder: string): number {
  return readdirSync(folder, { withFileTypes: true }).reduce((sum, entry) => {
    const path = join(folder, entry.name);
    return sum + (entry.isDirectory() ? folderBytes(path) : statSync(path).size);
  }, 0);
}

/**
 * Bytes the instance keeps on disk: on SQLite the database file, its WAL and whatever lies beside them (the
 * vector index files); on PostgreSQL every relation of the current schema, indexes and TOAST included.
 */
export async function databaseBytes(database: Database, url: string): Promise<number> {
  const file = sqliteFileOfUrl(url);
  if (file !== null) {
    return folderBytes(dirname(file));
  }
  const native = database.native;
  if (native.kind !== "postgres") return 0;
  const { rows } = await native.pool.query<{ bytes: string }>(
    `select coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint as bytes from pg_class c
     join pg_namespace n on n.oid = c.relnamespace where n.nspname = current_schema() and c.relkind in ('r', 'm')`,
  );
  return Number(rows[0]?.bytes ?? 0);
}
