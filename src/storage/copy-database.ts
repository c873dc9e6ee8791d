import { type Kysely, sql } from "kysely";
import { followIdentities, readCatalog } from "./catalog.js";
import type { TableInfo } from "./catalog-types.js";
import type { Database } from "./database.js";
import { migrate } from "./migrate.js";
import { MIGRATIONS } from "./migrations/index.js";
import { rebuildKeywordIndex } from "./rebuild-keyword-index.js";
import type { Schema } from "./schema.js";
import { openSqlite } from "./sqlite/open.js";
import { digestTable, type Row, TableDigest, tableRows } from "./table-rows.js";

export interface TableCopy {
  readonly table: string;
  readonly source: { readonly rows: number; readonly checksum: string };
  readonly target: { readonly rows: number; readonly checksum: string };
}

export const copiedIntact = (copy: TableCopy) =>
  copy.source.rows === copy.target.rows && copy.source.checksum === copy.target.checksum;

/** Both backends accept this many bound values in one statement (SQLite's limit is 32766). */
const MAX_VALUES = 30_000;

/**
 * Copies every table of an instance into an empty database, inside one snapshot of the source and one
 * transaction on the target, then reads the target back: the per-table counts and checksums prove the copy.
 */
export async function copyDatabase(
  source: Database,
  target: Database,
  onTable: (table: string, rows: number) => void = () => {},
): Promise<TableCopy[]> {
  await requireCurrentSchema(source);
  await migrate(target);
  const tables = await readCatalog(source);
  await requireEmpty(target, tables);
  const copied = new Map<string, TableDigest>();
  await source.kysely
    .transaction()
    .setIsolationLevel("repeatable read")
    .execute((snapshot) =>
      target.kysely.transaction().execute(async (trx) => {
        for (const table of [...tables].reverse())
          await trx.deleteFrom(sql.table(table.name).as("t")).execute();
        for (const table of tables) {
          copied.set(table.name, await copyTable(snapshot, trx, table));
          onTable(table.name, copied.get(table.name)?.rows ?? 0);
        }
        await followIdentities(target, trx, tables);
      }),
    );
  await rebuildKeywordIndex(target);
  return Promise.all(
    tables.map(async (table) => {
      const written = await digestTable(target.kysely, table);
      const read = copied.get(table.name) ?? new TableDigest();
      return {
        table: table.name,
        source: { rows: read.rows, checksum: read.checksum },
        target: { rows: written.rows, checksum: written.checksum },
      };
    }),
  );
}

async function copyTable(from: Kysely<Schema>, to: Kysely<Schema>, table: TableInfo): Promise<TableDigest> {
  const digest = new TableDigest();
  const perStatement = Math.max(1, Math.min(1000, Math.floor(MAX_VALUES / table.columns.length)));
  for await (const page of tableRows(from, table, perStatement)) {
    for (const row of page) digest.add(table.columns, row);
    await insertRows(to, table, page);
  }
  return digest;
}

async function insertRows(db: Kysely<Schema>, table: TableInfo, rows: readonly Row[]): Promise<void> {
  const values = rows.map((row) => sql`(${sql.join(table.columns.map((column) => row[column] ?? null))})`);
  await sql`insert into ${sql.table(table.name)} (${sql.join(table.columns.map((c) => sql.ref(c)))})
    values ${sql.join(values)}`.execute(db);
}

/** The source must be at this version's schema: copying an older or newer schema would drop columns. */
async function requireCurrentSchema(source: Database): Promise<void> {
  const applied = await sql<{ name: string }>`select name from kysely_migration order by name`
    .execute(source.kysely)
    .then((result) => result.rows.map((row) => row.name))
    .catch(() => {
      throw new Error("the source holds no Paperboy database (no migration ledger)");
    });
  const expected = MIGRATIONS.map((migration) => migration.name).sort();
  if (applied.join() !== expected.join())
    throw new Error(
      "the source's schema is not this version's: run `paperboy migrate` against it with this version first",
    );
}

/** Refuses a target that holds anything beyond the rows its migrations seed. */
async function requireEmpty(target: Database, tables: readonly TableInfo[]): Promise<void> {
  const seeded = await seededCounts();
  for (const table of tables) {
    const { rows } = await sql<{
      n: number | string;
    }>`select count(*) as n from ${sql.table(table.name)}`.execute(target.kysely);
    const count = Number(rows[0]?.n ?? 0);
    if (count > (seeded.get(table.name) ?? 0))
      throw new Error(
        `the target is not empty (${table.name} holds ${count} rows): copy into an empty database`,
      );
  }
}

/** What a freshly migrated database holds, measured on a throwaway in-memory SQLite database. */
async function seededCounts(): Promise<Map<string, number>> {
  const scratch = openSqlite("sqlite::memory:");
  try {
    await migrate(scratch);
    const counts = new Map<string, number>();
    for (const table of await readCatalog(scratch))
      counts.set(table.name, (await digestTable(scratch.kysely, table)).rows);
    return counts;
  } finally {
    await scratch.close();
  }
}
