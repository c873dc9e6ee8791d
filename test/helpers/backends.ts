import { randomBytes } from "node:crypto";
import { join } from "node:path";
import pg from "pg";

export type Backend = "sqlite" | "postgres";

/** The PostgreSQL server the suites use, if any; CI always sets it, so nothing is skipped there. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "";

/** Every backend the storage suites loop over: SQLite always, PostgreSQL when a server is named. */
export const BACKENDS: readonly Backend[] = TEST_DATABASE_URL ? ["sqlite", "postgres"] : ["sqlite"];

/** A PostgreSQL URL whose connections see only `schema` (through the server's search_path). */
export function withSearchPath(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set("options", `-c search_path=${schema}`);
  return parsed.toString();
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface IsolatedSchema {
  readonly url: string;
  readonly schema: string;
  drop(): Promise<void>;
}

/**
 * Schema drops and migrations take turns on the test server. Kysely's migrator lists the columns of every
 * schema's tables (through `pg_get_serial_sequence` on their names), which fails with "schema ... does not
 * exist" when another suite drops its schema at that moment. Migrations share the lock; a drop takes it alone.
 */
const SCHEMA_TURNS = 7_301_001;

/** Runs `work` (which migrates a test schema) while no test schema is being dropped. */
export async function whileNoSchemaDrops<T>(work: () => Promise<T>): Promise<T> {
  return admin(async (client) => {
    await client.query("select pg_advisory_lock_shared($1)", [SCHEMA_TURNS]);
    return work();
  });
}

/**
 * A fresh schema on the test server for one test instance: each instance migrates into its own schema, so
 * suites run side by side on one database and leave nothing behind.
 */
export async function createIsolatedSchema(): Promise<IsolatedSchema> {
  if (!TEST_DATABASE_URL)
    throw new Error("TEST_DATABASE_URL is not set: no PostgreSQL server to test against");
  const schema = `test_${randomBytes(6).toString("hex")}`;
  await admin((client) => client.query(`create schema ${schema}`));
  return {
    url: withSearchPath(TEST_DATABASE_URL, schema),
    schema,
    drop: () =>
      admin(async (client) => {
        await client.query("select pg_advisory_lock($1)", [SCHEMA_TURNS]);
        await client.query(`drop schema if exists ${schema} cascade`);
      }),
  };
}

/**
 * An empty database for a process the test starts itself (the CLI, `serve`): a file in `directory` on SQLite,
 * an isolated schema on PostgreSQL.
 */
export async function freshDatabase(
  backend: Backend,
  directory: string,
): Promise<Pick<IsolatedSchema, "url" | "drop">> {
  if (backend === "postgres") return createIsolatedSchema();
  return { url: `sqlite:${join(directory, "paperboy.db")}`, drop: async () => undefined };
}
