import { type Migration as KyselyMigration, Migrator, sql } from "kysely";
import { finishBulkLoad } from "./bulk-load.js";
import { countContentWrites } from "./content-writes.js";
import type { Database } from "./database.js";
import { MIGRATIONS } from "./migrations/index.js";
import { withWriteLock } from "./sqlite/exclusive.js";

export interface MigrationOutcome {
  readonly applied: readonly string[];
}

/**
 * Applies pending migrations, each in its own transaction, recording each one in `kysely_migration`; then counts
 * writes to every table pages show, the new ones included (content-writes.ts).
 */
export async function migrate(
  database: Database,
  options: { readonly keepBulkIndexesDropped?: boolean } = {},
): Promise<MigrationOutcome> {
  const entries: Record<string, KyselyMigration> = {};
  for (const migration of MIGRATIONS) {
    entries[migration.name] = { up: (db) => migration.up(db, database.capabilities) };
  }
  // Migration numbers are allotted in ranges per area of the code, so a newer file may sort before one an
  // instance already applied; each is still applied exactly once.
  const migrator = new Migrator({
    db: database.kysely,
    provider: { getMigrations: async () => entries },
    allowUnorderedMigrations: true,
    // Kysely looks for its ledger in every schema unless told which one: name the connection's own.
    migrationTableSchema: await currentSchema(database),
  });
  const native = database.native;
  const { error, results } =
    native.kind === "sqlite"
      ? await withWriteLock(native.db, () => migrator.migrateToLatest())
      : await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === "Error")?.migrationName ?? "unknown";
    throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  await countContentWrites(database);
  // A bulk import killed before its end left indexes dropped (bulk-load.ts); an import that goes on with the
  // bulk load asks to keep them so.
  if (!options.keepBulkIndexesDropped) finishBulkLoad(database);
  return { applied: (results ?? []).map((result) => result.migrationName) };
}

async function currentSchema(database: Database): Promise<string | undefined> {
  if (!database.capabilities.schemas) return undefined;
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(database.kysely);
  return rows[0]?.schema;
}
