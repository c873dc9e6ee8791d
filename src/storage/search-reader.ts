import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database } from "./database.js";
import { SESSION_SETTINGS } from "./postgres/session-settings.js";
import type { Schema } from "./schema.js";
import { canReadInThreads, ReadPool } from "./sqlite/read-pool.js";
import { ThreadDialect } from "./sqlite/thread-dialect.js";

export interface ReaderOptions {
  /** No statement the reader runs may take longer (PostgreSQL's statement_timeout; SQLite stops by deadline). */
  readonly statementMs: number;
  /** Reader threads on SQLite, connections on PostgreSQL. */
  readonly size: number;
}

/**
 * The database as searches read it. On SQLite, reader threads with their own read-only connections, so that
 * a slow search never stalls the event loop and stops at its deadline; on PostgreSQL, a pool of its own whose
 * statements stop at `statement_timeout`. Falls back to the main database where neither can be had (an
 * in-memory SQLite database, a build without the reader thread).
 */
export function openSearchReader(main: Database, url: string, options: ReaderOptions): Database {
  const native = main.native;
  if (native.kind === "sqlite") {
    if (native.file === ":memory:" || !canReadInThreads()) return { ...main, close: async () => undefined };
    const kysely = new Kysely<Schema>({
      dialect: new ThreadDialect(new ReadPool(native.file, options.size)),
    });
    return { ...main, kysely, close: () => kysely.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.size,
    statement_timeout: options.statementMs,
    connectionTimeoutMillis: 5_000,
    ...SESSION_SETTINGS,
  });
  // An idle connection the server dropped (a restart) is replaced at the next query; the error is not fatal.
  pool.on("error", () => undefined);
  pool.on("connect", (client) => client.on("error", () => undefined));
  const kysely = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return { ...main, kysely, native: { kind: "postgres", pool }, close: () => kysely.destroy() };
}
