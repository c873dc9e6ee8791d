import type { Database } from "./database.js";
import { refreshSearchDocumentsPostgres } from "./postgres/search-documents.js";
import { sqliteSearchDocuments } from "./sqlite/search-documents.js";

const CHUNK = 2000;

/**
 * Writes the keyword-index entry of every stored paper from its rows. The index is derived data in a
 * backend-specific shape (FTS5 on SQLite, tsvector on PostgreSQL), so `paperboy copy` moves papers and rebuilds
 * the index on the target instead of copying it.
 */
export async function rebuildKeywordIndex(database: Database): Promise<number> {
  // Oldest first, as the queue hands them over (keyword-index-queue.ts): entries are numbered in this order.
  const rows = await database.kysely
    .selectFrom("papers")
    .select("id")
    .orderBy((eb) => eb.fn.coalesce("published", eb.val("")))
    .orderBy("id")
    .execute();
  const ids = rows.map((r) => r.id);
  for (let start = 0; start < ids.length; start += CHUNK) {
    await rebuildChunk(database, ids.slice(start, start + CHUNK));
  }
  return ids.length;
}

async function rebuildChunk(database: Database, ids: string[]): Promise<void> {
  const native = database.native;
  if (native.kind === "postgres") {
    const client = await native.pool.connect();
    try {
      await refreshSearchDocumentsPostgres(client, ids);
    } finally {
      client.release();
    }
    return;
  }
  native.db.transaction(() => sqliteSearchDocuments(native.db).refresh(ids))();
}
