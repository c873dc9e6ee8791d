import { Migrator, sql } from "kysely";
import type { Database } from "../../src/storage/database.js";
import { MIGRATIONS } from "../../src/storage/migrations/index.js";

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
