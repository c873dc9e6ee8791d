import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { migrate } from "../../src/storage/migrate.js";
import { openDatabase } from "../../src/storage/open.js";
import {
  type Backend,
  createIsolatedDatabase,
  type IsolatedDatabase,
  TEST_DATABASE_URL,
} from "./backends.js";

/** Databases migrated once per run (test/global-setup.ts) that test instances start as copies of. */
export interface DatabaseTemplates {
  /** A SQLite file, copied into an instance's folder. */
  readonly sqlite: string;
  /** A database on the test server, the template of an instance's `create database`. */
  readonly postgres: string | null;
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseTemplates: DatabaseTemplates | undefined;
  }
}

async function migrated(url: string): Promise<void> {
  const database = openDatabase(url);
  try {
    await migrate(database);
  } finally {
    await database.close();
  }
}

/** The name of the database a URL on the test server names. */
function nameOf(url: string): string {
  return new URL(url).pathname.slice(1);
}

/**
 * Migrates the templates and returns them with what removes them. Migrating took 50-90 ms for a SQLite file and
 * 300-650 ms for a PostgreSQL schema beside the other suites; copying a migrated file takes 10-20 ms, a migrated
 * database about as long as creating an empty one (40-60 ms on a quiet server, 300 ms on a busy one).
 */
export async function makeTemplates(): Promise<{ templates: DatabaseTemplates; remove(): Promise<void> }> {
  const directory = mkdtempSync(join(tmpdir(), "paperboy-template-"));
  const sqlite = join(directory, "paperboy.db");
  await migrated(`sqlite:${sqlite}`);
  const server: IsolatedDatabase | null = TEST_DATABASE_URL ? await createIsolatedDatabase() : null;
  if (server) await migrated(server.url);
  return {
    templates: { sqlite, postgres: server ? nameOf(server.url) : null },
    async remove() {
      rmSync(directory, { recursive: true, force: true });
      await server?.drop();
    },
  };
}

/**
 * A migrated database of its own for a test instance, copied from this run's template: a SQLite file in
 * `directory`, or a database on the test server. Null when the run made no template (a suite run some other
 * way): the caller then migrates an empty one.
 */
export async function migratedCopy(backend: Backend, directory: string): Promise<IsolatedDatabase | null> {
  const templates = inject("databaseTemplates");
  if (backend === "postgres") return templates?.postgres ? createIsolatedDatabase(templates.postgres) : null;
  if (!templates) return null;
  const file = join(directory, "paperboy.db");
  copyFileSync(templates.sqlite, file);
  return { url: `sqlite:${file}`, drop: async () => undefined };
}
