import type BetterSqlite3 from "better-sqlite3";
import type { TableInfo } from "../catalog-types.js";

interface ColumnRow {
  name: string;
  pk: number;
  hidden: number;
  type: string;
}

/** Plain tables only: `pragma table_list` marks FTS5's tables as virtual or shadow. */
export function readSqliteCatalog(db: BetterSqlite3.Database): TableInfo[] {
  const names = db
    .prepare<[], { name: string }>(
      "select name from pragma_table_list where schema = 'main' and type = 'table' and name not like 'sqlite_%'",
    )
    .all()
    .map((row) => row.name);
  return names.map((name) => describe(db, name));
}

function describe(db: BetterSqlite3.Database, name: string): TableInfo {
  const columns = db.prepare<[string], ColumnRow>("select * from pragma_table_xinfo(?)").all(name);
  // hidden: 0 = ordinary, 2 and 3 = generated columns.
  const stored = columns.filter((column) => column.hidden === 0);
  const primaryKey = stored
    .filter((column) => column.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((column) => column.name);
  const references = db
    .prepare<[string], { table: string }>('select distinct "table" from pragma_foreign_key_list(?)')
    .all(name)
    .map((row) => row.table)
    .filter((table) => table !== name);
  const identity =
    primaryKey.length === 1 && stored.find((c) => c.name === primaryKey[0])?.type.toLowerCase() === "integer"
      ? (primaryKey[0] ?? null)
      : null;
  return { name, columns: stored.map((column) => column.name), primaryKey, references, identity };
}
