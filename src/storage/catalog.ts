import type { Kysely } from "kysely";
import type { TableInfo } from "./catalog-types.js";
import type { Database } from "./database.js";
import { followIdentity, readPostgresCatalog } from "./postgres/catalog.js";
import type { Schema } from "./schema.js";
import { readSqliteCatalog } from "./sqlite/catalog.js";

/**
 * Tables that are not the instance's own data: the migrator's bookkeeping, the keyword index, whose shape
 * differs between backends (SQLite's FTS5 row keys, PostgreSQL's tsvectors) and which is rebuilt from papers
 * (so its queue of papers still to index and PostgreSQL's word counts go too), pgvector's copy of the vectors
 * (paper_vectors, refilled from paper_embeddings where pgvector is), and the data version's counter
 * (content_writes: a copy counts its own writes).
 */
const BOOKKEEPING = new Set([
  "kysely_migration",
  "kysely_migration_lock",
  "search_rows",
  "search_pending",
  "paper_search",
  "search_words",
  "search_totals",
  "paper_vectors",
  "content_writes",
]);

/**
 * The instance's tables, parents before the tables that reference them. Derived tables the engine maintains
 * itself (FTS5's virtual and shadow tables) are not listed.
 */
export async function readCatalog(database: Database): Promise<TableInfo[]> {
  const native = database.native;
  const tables =
    native.kind === "sqlite" ? readSqliteCatalog(native.db) : await readPostgresCatalog(native.pool);
  return parentsFirst(tables.filter((table) => !BOOKKEEPING.has(table.name)));
}

function parentsFirst(tables: readonly TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const ordered: TableInfo[] = [];
  const seen = new Set<string>();
  const visit = (table: TableInfo) => {
    if (seen.has(table.name)) return;
    seen.add(table.name);
    for (const parent of table.references) {
      const info = byName.get(parent);
      if (info) visit(info);
    }
    ordered.push(table);
  };
  for (const table of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(table);
  return ordered;
}

/** After rows were copied in with their ids, makes the backend number new rows after them. */
export async function followIdentities(
  database: Database,
  db: Kysely<Schema>,
  tables: readonly TableInfo[],
): Promise<void> {
  // SQLite's AUTOINCREMENT already follows explicit ids; PostgreSQL's identity sequences do not.
  if (database.native.kind !== "postgres") return;
  for (const table of tables) if (table.identity) await followIdentity(db, table.name, table.identity);
}
