import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { type Database, POSTGRES_CAPABILITIES } from "../database.js";
import type { Schema } from "../schema.js";
import { endLiveness } from "./liveness.js";

export function openPostgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const kysely = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return {
    kysely,
    capabilities: POSTGRES_CAPABILITIES,
    native: { kind: "postgres", pool },
    close: async () => {
      await endLiveness(pool);
      await kysely.destroy();
    },
  };
}
