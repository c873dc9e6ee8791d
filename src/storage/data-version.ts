import type BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import type { Database } from "./database.js";
import { FreshReads } from "./fresh-reads.js";

/** The two counters every page request reads, in one query. */
export interface Versions {
  /** The data version (see dataVersion). */
  readonly content: string;
  /** How many sessions have ended (migration 0830): who is signed in may be kept while it stays. */
  readonly sessionEnds: string;
}

/**
 * A cheap value that changes whenever something pages show is written, by this process or another one: HTTP
 * validators (ETag), kept pages and shared searches are keyed on it. Equal values mean no such write between.
 * It is the sum of `content_writes`, which triggers on the shown tables bump in the writing transaction
 * (content-writes.ts), so every process sees it move when the write becomes visible, and never before.
 * Traffic's own writes (rate-limit counters, sessions) leave it alone: the server-wide snapshot and SQLite's
 * `data_version` used before moved with them, so a search made every kept page stale.
 */
export async function dataVersion(database: Database): Promise<string> {
  return (await versions(database)).content;
}

/** The data version and the count of ended sessions, read after the call (by a read shared with others). */
export async function versions(database: Database): Promise<Versions> {
  const native = database.native;
  if (native.kind === "sqlite") {
    const [content, sessionEnds] = countsOf(native.db).get() ?? [];
    return { content: `${content}`, sessionEnds: `${sessionEnds}` };
  }
  return versionReader(native.pool).reads.read();
}

const QUERY = `select (select sum(writes) from content_writes) as content,
  (select ends from session_ends) as session_ends`;

/**
 * Connections of their own for the version, asked by every page request: in the database's pool it would wait
 * behind the work of every request (a kept page on PostgreSQL took seconds under load, for a query that takes
 * a fraction of a millisecond). Requests that ask while a read runs share the next one (FreshReads).
 */
const VERSION_CONNECTIONS = 2;

interface VersionReader {
  readonly pool: pg.Pool;
  readonly reads: FreshReads<Versions>;
}

const readers = new WeakMap<pg.Pool, VersionReader>();

function versionReader(pool: pg.Pool): VersionReader {
  let reader = readers.get(pool);
  if (!reader) {
    const own = new pg.Pool({ ...pool.options, max: VERSION_CONNECTIONS, allowExitOnIdle: true });
    own.on("error", () => undefined);
    own.on("connect", (client) => client.on("error", () => undefined));
    const reads = new FreshReads(async (): Promise<Versions> => {
      const { rows } = await own.query<{ content: string | null; session_ends: string | null }>(QUERY);
      return { content: rows[0]?.content ?? "", sessionEnds: rows[0]?.session_ends ?? "" };
    });
    reader = { pool: own, reads };
    readers.set(pool, reader);
  }
  return reader;
}

/** Closes the version's connections of this pool's database (the database is being closed). */
export async function endVersionReader(pool: pg.Pool): Promise<void> {
  const reader = readers.get(pool);
  readers.delete(pool);
  await reader?.pool.end();
}

type Counts = [bigint | number, bigint | number];
const counts = new WeakMap<BetterSqlite3.Database, BetterSqlite3.Statement<[], Counts>>();

function countsOf(db: BetterSqlite3.Database): BetterSqlite3.Statement<[], Counts> {
  let count = counts.get(db);
  if (!count) {
    count = db.prepare<[], Counts>(QUERY).raw();
    counts.set(db, count);
  }
  return count;
}
