import { type Kysely, sql } from "kysely";
import type pg from "pg";
import type { TableInfo } from "../catalog-types.js";
import type { Schema } from "../schema.js";

const TABLES = `select table_name as name from information_schema.tables
  where table_schema = current_schema() and table_type = 'BASE TABLE'`;
const COLUMNS = `select table_name as table, column_name as name, is_generated = 'ALWAYS' as generated,
    is_identity = 'YES' as identity
  from information_schema.columns where table_schema = current_schema() order by ordinal_position`;
const PRIMARY_KEYS = `select tc.table_name as table, kcu.column_name as name
  from information_schema.table_constraints tc
  join information_schema.key_column_usage kcu using (constraint_schema, constraint_name)
  where tc.constraint_type = 'PRIMARY KEY' and tc.table_schema = current_schema()
  order by kcu.ordinal_position`;
const REFERENCES = `select distinct c.conrelid::regclass::text as table, c.confrelid::regclass::text as parent
  from pg_constraint c join pg_namespace n on n.oid = c.connamespace
  where c.contype = 'f' and n.nspname = current_schema()`;

interface ColumnRow {
  table: string;
  name: string;
  generated: boolean;
  identity: boolean;
}

/** The tables of the connection's schema (search_path), read from the information schema. */
export async function readPostgresCatalog(pool: pg.Pool): Promise<TableInfo[]> {
  const [tables, columns, keys, references] = await Promise.all([
    pool.query<{ name: string }>(TABLES),
    pool.query<ColumnRow>(COLUMNS),
    pool.query<{ table: string; name: string }>(PRIMARY_KEYS),
    pool.query<{ table: string; parent: string }>(REFERENCES),
  ]);
  return tables.rows.map(({ name }) => {
    const own = columns.rows.filter((column) => column.table === name);
    return {
      name,
      columns: own.filter((column) => !column.generated).map((column) => column.name),
      primaryKey: keys.rows.filter((key) => key.table === name).map((key) => key.name),
      references: references.rows
        .filter((ref) => ref.table === name && ref.parent !== name)
        .map((ref) => ref.parent),
      identity: own.find((column) => column.identity)?.name ?? null,
    };
  });
}

/** Moves an identity column's counter past rows that were inserted with explicit values. */
export async function followIdentity(db: Kysely<Schema>, table: string, column: string): Promise<void> {
  await sql`select setval(pg_get_serial_sequence(${table}, ${column}),
    coalesce((select max(${sql.ref(column)}) from ${sql.table(table)}), 0) + 1, false)`.execute(db);
}
