import { randomBytes } from "node:crypto";
import type BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import type { Database } from "./database.js";

/**
 * A cheap value that changes whenever anything is written to the database, by this process or another one:
 * HTTP validators (ETag) and the page cache are keyed on it. Equal values mean nothing was written between.
 * - SQLite: `data_version` moves when another connection commits and `total_changes()` counts this
 *   connection's writes; both restart when the file is opened, hence a nonce per open connection.
 * - PostgreSQL: the current snapshot (`xmin:xmax:running`) moves whenever a transaction that writes starts or
 *   ends anywhere on the server, so every app process sharing the database sees the same value.
 */
export async function dataVersion(database: Database): Promise<string> {
  const native = database.native;
  if (native.kind === "sqlite") return sqliteVersion(native.db);
  const result = await versionReader(native.pool).query<{ s: string }>(
    "select pg_current_snapshot()::text as s",
  );
  return `pg.${result.rows[0]?.s ?? ""}`;
}

/**
 * Connections of their own for the version, asked by every page request: in the database's pool it would wait
 * behind the work of every request (a kept page on PostgreSQL took seconds under load, for a query that takes
 * a fraction of a millisecond).
 */
const VERSION_CONNECTIONS = 2;
const readers = new WeakMap<pg.Pool, pg.Pool>();

function versionReader(pool: pg.Pool): pg.Pool {
  let reader = readers.get(pool);
  if (!reader) {
    reader = new pg.Pool({ ...pool.options, max: VERSION_CONNECTIONS, allowExitOnIdle: true });
    reader.on("error", () => undefined);
    reader.on("connect", (client) => client.on("error", () => undefined));
    readers.set(pool, reader);
  }
  return reader;
}

/** Closes the version's connections of this pool's database (the database is being closed). */
export async function endVersionReader(pool: pg.Pool): Promise<void> {
  const reader = readers.get(pool);
  readers.delete(pool);
  await reader?.end();
}

interface SqliteProbe {
  readonly nonce: string;
  readonly dataVersion: BetterSqlite3.Statement;
  readonly totalChanges: BetterSqlite3.Statement;
}

const probes = new WeakMap<BetterSqlite3.Database, SqliteProbe>();

function sqliteVersion(db: BetterSqlite3.Database): string {
  let probe = probes.get(db);
  if (!probe) {
    probe = {
      nonce: randomBytes(6).toString("hex"),
      dataVersion: db.prepare("pragma data_version").pluck(),
      totalChanges: db.prepare("select total_changes()").pluck(),
    };
    probes.set(db, probe);
  }
  return `${probe.nonce}.${probe.dataVersion.get()}.${probe.totalChanges.get()}`;
}
