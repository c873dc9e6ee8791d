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

/** TEST_DATABASE_URL naming another database on the same server. */
function databaseNamed(name: string): string {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(work: (client: pg.Client) => Promise<T>, url = TEST_DATABASE_URL): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface IsolatedDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/**
 * The schema test databases keep Paperboy's tables in, named by the URL's search_path as an operator may do,
 * so that the suites run Paperboy outside `public` too.
 */
const SCHEMA = "paperboy";

/**
 * A database of its own on the test server for one test instance or process, so suites run side by side and
 * leave nothing behind. Not a schema in a shared database: Kysely's migrator reads the columns of every schema
 * in its database, and failed with "relation ... does not exist" when another suite dropped its schema then.
 * From `template` (a database migrated by test/global-setup.ts) it comes migrated; else empty.
 */
export async function createIsolatedDatabase(template?: string): Promise<IsolatedDatabase> {
  if (!TEST_DATABASE_URL)
    throw new Error("TEST_DATABASE_URL is not set: no PostgreSQL server to test against");
  const name = `paperboy_test_${randomBytes(6).toString("hex")}`;
  await admin((client) => client.query(`create database ${name}${template ? ` template ${template}` : ""}`));
  if (!template) await admin((client) => client.query(`create schema ${SCHEMA}`), databaseNamed(name));
  return {
    url: withSearchPath(databaseNamed(name), SCHEMA),
    drop: () =>
      admin((client) => client.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

/**
 * An empty database for a process the test starts itself (the CLI, `serve`): a file in `directory` on SQLite,
 * an isolated database on PostgreSQL.
 */
export async function freshDatabase(backend: Backend, directory: string): Promise<IsolatedDatabase> {
  if (backend === "postgres") return createIsolatedDatabase();
  return { url: `sqlite:${join(directory, "paperboy.db")}`, drop: async () => undefined };
}
