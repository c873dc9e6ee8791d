import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { endVersionReader } from "../data-version.js";
import { type Database, POSTGRES_CAPABILITIES } from "../database.js";
import type { Schema } from "../schema.js";
import { endLiveness } from "./liveness.js";
import { SESSION_SETTINGS } from "./session-settings.js";

/** `vectorExtension` false: pgvector is left alone even where installed (VECTOR_ENGINE=memory). */
export function openPostgres(url: string, { vectorExtension = true } = {}): Database {
  // A server that cannot be reached fails a request within seconds instead of holding it for ever.
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5_000,
    ...SESSION_SETTINGS,
  });
  // An idle connection the server dropped (a restart) is an event, not a crash: the pool opens a new one at
  // the next query, and queries meanwhile fail as storage faults (503 on the web).
  pool.on("error", () => undefined);
  // A connection cut while it is lent out (a restart in the middle of a query) fails that query, and its client
  // also emits an error that nothing else listens to: unheard, it would end the process.
  pool.on("connect", (client) => client.on("error", () => undefined));
  const kysely = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return {
    kysely,
    capabilities: vectorExtension ? POSTGRES_CAPABILITIES : { ...POSTGRES_CAPABILITIES, vectorExtension },
    native: { kind: "postgres", pool },
    close: async () => {
      await endLiveness(pool);
      await endVersionReader(pool);
      await kysely.destroy();
    },
  };
}
