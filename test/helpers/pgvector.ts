import { randomBytes } from "node:crypto";
import pg from "pg";
import { TEST_DATABASE_URL } from "./backends.js";

async function onServer<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Whether the test server can load pgvector (`.ci/run` builds it from Debian's source package). The pgvector
 * suites run where it can, as the PostgreSQL suites run where TEST_DATABASE_URL names a server.
 */
export async function pgvectorAvailable(): Promise<boolean> {
  if (!TEST_DATABASE_URL) return false;
  const { rows } = await onServer(TEST_DATABASE_URL, (client) =>
    client.query("select 1 from pg_available_extensions where name = 'vector'"),
  );
  return rows.length > 0;
}

export interface ScratchDatabase {
  readonly url: string;
  /** Installs pgvector in it, as an operator would (`create extension vector`). */
  installPgvector(): Promise<void>;
  drop(): Promise<void>;
}

/**
 * A database of its own on the test server: an extension belongs to a whole database, so the pgvector suites
 * cannot share the one every other suite makes its schemas in.
 */
export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const name = `paperboy_vec_${randomBytes(5).toString("hex")}`;
  await onServer(TEST_DATABASE_URL, (client) => client.query(`create database ${name}`));
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    installPgvector: () =>
      onServer(url.toString(), (client) => client.query("create extension vector")).then(() => undefined),
    drop: () =>
      onServer(TEST_DATABASE_URL, (client) => client.query(`drop database ${name} with (force)`)).then(
        () => undefined,
      ),
  };
}
