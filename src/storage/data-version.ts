import type BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import type { Database } from "./database.js";
import { FreshReads } from "./fresh-reads.js";

/**
 * A cheap value that changes whenever something pages show is written, by this process or another one: HTTP
 * validators (ETag), kept pages and shared searches are keyed on it. Equal values mean no such write between.
 * It is the sum of `content_writes`, which triggers on the shown tables bump in the writing transaction
 * (content-writes.ts), so every process sees it move when the write becomes visible, and never before.
 * Traffic's own writes (rate-limit counters, sessions) leave it alone: the server-wide snapshot and SQLite's
 * `data_version` used before moved with them, so a search made every kept page stale.
 */
export async function dataVersion(database: Database): Promise<string> {
  const native = database.native;
  if (native.kind === "sqlite") return `${countOf(native.db).get()}`;
  return versionReader(native.pool).reads.read();
}

/**
 * Connections of their own for the version, asked by every page request: in the database's pool it would wait
 * behind the work of every request (a kept page on PostgreSQL took seconds under load, for a query that takes
 * a fraction of a millisecond). Requests that ask while a read runs share the next one (FreshReads).
 */
const VERSION_CONNECTIONS = 2;

interface VersionReader {
  readonly pool: pg.Pool;
  readonly reads: FreshReads<string>;
}

const readers = new WeakMap<pg.Pool, VersionReader>();

function versionReader(pool: pg.Pool): VersionReader {
  let reader = readers.get(pool);
  if (!reader) {
    const own = new pg.Pool({ ...pool.options, max: VERSION_CONNECTIONS, allowExitOnIdle: true });
    own.on("error", () => undefined);
    own.on("connect", (client) => client.on("error", () => undefined));
    const reads = new FreshReads(async () => {
      const result = await own.query<{ s: string }>("select sum(writes)::text as s from content_writes");
      return result.rows[0]?.s ?? "";
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

const counts = new WeakMap<BetterSqlite3.Database, BetterSqlite3.Statement<[], bigint | number>>();

function countOf(db: BetterSqlite3.Database): BetterSqlite3.Statement<[], bigint | number> {
  let count = counts.get(db);
  if (!count) {
    count = db.prepare<[], bigint | number>("select sum(writes) from content_writes").pluck();
    counts.set(db, count);
  }
  return count;
}
