import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Migrator, sql } from "kysely";
import { afterEach, beforeEach } from "vitest";
import type { Database } from "../../src/storage/database.js";
import { MIGRATIONS } from "../../src/storage/migrations/index.js";
import { openDatabase } from "../../src/storage/open.js";
import { type Backend, createIsolatedDatabase, type IsolatedDatabase } from "./backends.js";

async function currentSchema(database: Database): Promise<string | undefined> {
  if (!database.capabilities.schemas) return undefined;
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(database.kysely);
  return rows[0]?.schema;
}

/**
 * Applies every migration but the named ones, as an instance from before them was; `migrate` then applies
 * those to whatever data a test wrote in the old shape.
 */
export async function migrateAllBut(database: Database, newShape: readonly string[]): Promise<void> {
  const entries = Object.fromEntries(
    MIGRATIONS.filter((m) => !newShape.includes(m.name)).map((m) => [
      m.name,
      { up: (db: Parameters<typeof m.up>[0]) => m.up(db, database.capabilities) },
    ]),
  );
  const migrator = new Migrator({
    db: database.kysely,
    provider: { getMigrations: async () => entries },
    allowUnorderedMigrations: true,
    migrationTableSchema: await currentSchema(database),
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}

/**
 * A fresh database for each test of the describe block it is called in (a SQLite file, or a database of its own on
 * PostgreSQL), migrated to just before `newShape`; read `database` inside a test or a later hook.
 */
export function oldShapeDatabase(
  backend: Backend,
  newShape: readonly string[],
): { readonly database: Database } {
  let directory = "";
  let server: IsolatedDatabase | null = null;
  let database: Database | null = null;
  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), "paperboy-old-shape-"));
    server = backend === "postgres" ? await createIsolatedDatabase() : null;
    database = openDatabase(server?.url ?? `sqlite:${join(directory, "old.db")}`);
    await migrateAllBut(database, newShape);
  });
  afterEach(async () => {
    await database?.close();
    await server?.drop();
    rmSync(directory, { recursive: true, force: true });
  });
  return {
    get database(): Database {
      if (!database) throw new Error("the old-shape database exists only inside a test");
      return database;
    },
  };
}
