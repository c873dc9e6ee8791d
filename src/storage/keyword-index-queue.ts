import type BetterSqlite3 from "better-sqlite3";
import type pg from "pg";
import type { Database } from "./database.js";
import { mergePendingEntries, refreshSearchDocumentsPostgres } from "./postgres/search-documents.js";
import { inTransaction } from "./postgres/transaction.js";
import { sqliteSearchDocuments } from "./sqlite/search-documents.js";

/**
 * Papers per transaction while working off the queue. Large chunks make few, large keyword-index segments
 * (less merging); on SQLite each chunk holds the write lock for about 0.3 s (the shared corpus indexes at
 * about 16,500 papers/s).
 */
export const KEYWORD_INDEX_CHUNK = 5000;

export interface IndexPendingOptions {
  readonly chunk?: number;
  /** Called after each committed chunk with the number of papers indexed so far. */
  readonly onProgress?: (indexed: number) => void;
  /** Awaited between chunks: a server passes a yield to its event loop so requests are answered meanwhile. */
  readonly between?: () => Promise<void>;
  /**
   * Chunks in flight at once, each on its own connection (PostgreSQL only: SQLite has one writer, so it
   * always works one chunk at a time). Turning text into tsvectors is most of PostgreSQL's cost, and each
   * connection's server process does it on its own core.
   */
  readonly concurrency?: number;
}

/** How many papers wait for their keyword-index entry, counted up to `cap` (a page asks often). */
export async function pendingKeywordIndex(
  database: Database,
  cap = Number.MAX_SAFE_INTEGER,
): Promise<number> {
  const row = await database.kysely
    .selectFrom((eb) => eb.selectFrom("search_pending").select("paper_id").limit(cap).as("queued"))
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Writes the keyword-index entries of every queued paper (see UpsertOptions.keywordIndex), a chunk per
 * transaction: each chunk's entries and its removal from the queue commit together, so a crash loses no
 * paper and a rerun redoes at most one chunk. Several processes may work the same queue: on SQLite the
 * write lock orders them, on PostgreSQL each takes rows the others have not locked, and waits for the
 * others when they hold all that is left, so a call returns only once the queue is empty. Returns how many
 * papers this call indexed. The entries are searchable then; on PostgreSQL mergePendingKeywordEntries makes
 * searches faster afterwards.
 */
export async function indexPendingPapers(
  database: Database,
  options: IndexPendingOptions = {},
): Promise<number> {
  const chunk = options.chunk ?? KEYWORD_INDEX_CHUNK;
  // A read first: a server polls this on a timer, and an empty queue should not cost a write lock.
  if (!(await queued(database))) return 0;
  const native = database.native;
  const take =
    native.kind === "sqlite"
      ? sqliteChunks(native.db)
      : (limit: number, wait: boolean) =>
          inTransaction(native.pool, (client) => postgresChunk(client, limit, wait));
  let indexed = 0;
  const work = async () => {
    let wait = false;
    while (true) {
      const count = await take(chunk, wait);
      if (count === 0 && !(await queued(database))) return;
      // Nothing taken yet papers queued: other runs hold them. Wait for those runs to end (one that was killed
      // holds them until its server session notices), then take what they left.
      wait = count === 0;
      indexed += count;
      if (count > 0) options.onProgress?.(indexed);
      await options.between?.();
    }
  };
  const lanes = native.kind === "sqlite" ? 1 : Math.max(1, options.concurrency ?? 1);
  await Promise.all(Array.from({ length: lanes }, work));
  return indexed;
}

/**
 * PostgreSQL: moves keyword-index entries waiting in GIN's pending lists into the indexes (mergePendingEntries),
 * those the queue wrote and those written with their papers (ingestion, submissions); next to nothing when the
 * lists are empty. `paperboy index` calls it when the queue is worked off, `serve` on its keyword timer. SQLite's
 * FTS5 merges its segments as it writes.
 */
export async function mergePendingKeywordEntries(database: Database): Promise<void> {
  if (database.native.kind === "postgres") await mergePendingEntries(database.native.pool);
}

async function queued(database: Database): Promise<boolean> {
  const row = await database.kysely
    .selectFrom("search_pending")
    .select("paper_id")
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

function sqliteChunks(db: BetterSqlite3.Database): (limit: number) => Promise<number> {
  const next = db.prepare<[number], { paper_id: string }>(
    "select paper_id from search_pending order by submitted, paper_id limit ?",
  );
  const done = db.prepare<[string]>(
    "delete from search_pending where paper_id in (select value from json_each(?))",
  );
  const documents = sqliteSearchDocuments(db);
  const indexChunk = db.transaction((limit: number) => {
    const ids = next.all(limit).map((row) => row.paper_id);
    if (ids.length === 0) return 0;
    documents.refresh(ids);
    done.run(JSON.stringify(ids));
    return ids.length;
  });
  // IMMEDIATE, as every SQLite writer here: read the queue under the write lock so that two processes never
  // take the same chunk.
  return (limit) => Promise.resolve(indexChunk.immediate(limit));
}

async function postgresChunk(client: pg.PoolClient, limit: number, wait: boolean): Promise<number> {
  const taken = await client.query<{ paper_id: string }>(
    `delete from search_pending where paper_id in
       (select paper_id from search_pending order by submitted, paper_id limit $1
         for update ${wait ? "" : "skip locked"})
     returning paper_id`,
    [limit],
  );
  const ids = taken.rows.map((row) => row.paper_id);
  await refreshSearchDocumentsPostgres(client, ids);
  return ids.length;
}
