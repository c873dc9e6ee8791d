import { type Migration as KyselyMigration, Migrator } from "kysely";
import type { Database } from "./database.js";
import { MIGRATIONS } from "./migrations/index.js";

export interface MigrationOutcome {
  readonly applied: readonly string[];
}

/** Applies pending migrations, each in its own transaction, recording each one in `kysely_migration`. */
export async function migrate(database: Database): Promise<MigrationOutcome> {
  const entries: Record<string, KyselyMigration> = {};
  for (const migration of MIGRATIONS) {
    entries[migration.name] = { up: (db) => migration.up(db, database.capabilities) };
  }
  const migrator = new Migrator({ db: database.kysely, provider: { getMigrations: async () => entries } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === "Error")?.migrationName ?? "unknown";
    throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { applied: (results ?? []).map((result) => result.migrationName) };
}
