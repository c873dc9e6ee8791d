/**
 * The databases a benchmark runs on, side by side: a fresh SQLite file always, and a fresh schema on the
 * PostgreSQL server named by BENCH_DATABASE_URL (or TEST_DATABASE_URL) when there is one. BENCH_DATABASES lists
 * which to run, comma-separated, from sqlite, postgres and pgvector (a scratch database with the extension
 * installed, where the server has it); the default is sqlite,postgres. Benchmarks only.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export const POSTGRES_SERVER = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "";

export interface BenchDatabase {
  readonly label: "sqlite" | "postgres" | "pgvector";
  readonly url: string;
  dispose(): Promise<void>;
}

export type BenchDatabaseFactory = {
  readonly label: BenchDatabase["label"];
  create(): Promise<BenchDatabase>;
};

async function admin(query: string, url = POSTGRES_SERVER): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect().catch((error: unknown) => {
    const where = new URL(url);
    where.password = "";
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot reach ${where} (BENCH_DATABASE_URL or TEST_DATABASE_URL): ${reason}`);
  });
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

const sqlite = (name: string): BenchDatabaseFactory => ({
  label: "sqlite",
  async create() {
    const directory = mkdtempSync(join(tmpdir(), `paperboy-${name}-`));
    return {
      label: "sqlite",
      url: `sqlite:${join(directory, "bench.db")}`,
      dispose: async () => rmSync(directory, { recursive: true, force: true }),
    };
  },
});

const postgres: BenchDatabaseFactory = {
  label: "postgres",
  async create() {
    const schema = `bench_${randomBytes(4).toString("hex")}`;
    await admin(`create schema ${schema}`);
    const url = new URL(POSTGRES_SERVER);
    url.searchParams.set("options", `-c search_path=${schema}`);
    return { label: "postgres", url: url.toString(), dispose: () => admin(`drop schema ${schema} cascade`) };
  },
};

const pgvector: BenchDatabaseFactory = {
  label: "pgvector",
  async create() {
    const name = `paperboy_bench_${randomBytes(4).toString("hex")}`;
    await admin(`create database ${name}`);
    const url = new URL(POSTGRES_SERVER);
    url.pathname = `/${name}`;
    await admin("create extension vector", url.toString());
    return {
      label: "pgvector",
      url: url.toString(),
      dispose: () => admin(`drop database ${name} with (force)`),
    };
  },
};

/** The databases to measure on (`wanted`, else BENCH_DATABASES), each created when its turn comes and dropped after. */
export function benchDatabases(
  name: string,
  wanted: readonly string[] = (process.env.BENCH_DATABASES ?? "sqlite,postgres").split(","),
): BenchDatabaseFactory[] {
  const all = [sqlite(name), ...(POSTGRES_SERVER ? [postgres, pgvector] : [])];
  if (!POSTGRES_SERVER && wanted.some((label) => label !== "sqlite"))
    console.log(
      "postgres: not measured (set BENCH_DATABASE_URL or TEST_DATABASE_URL to a PostgreSQL server)",
    );
  return all.filter((database) => wanted.includes(database.label));
}

/** Runs `work` on each database in turn, printing which one the figures below belong to. */
export async function onEachDatabase(name: string, work: (database: BenchDatabase) => Promise<void>) {
  for (const factory of benchDatabases(name)) {
    const database = await factory.create();
    console.log(`-- ${database.label}`);
    try {
      await work(database);
    } finally {
      await database.dispose();
    }
  }
}
