import { type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely, sql } from "kysely";
import type { Capabilities } from "../database.js";

/** One numbered schema change. `up` runs inside a transaction and is recorded once applied. */
export interface Migration {
  readonly name: string;
  // Migrations see the schema as it was when they were written, not today's typed Schema.
  // biome-ignore lint/suspicious/noExplicitAny: a migration's database type is by nature untyped
  up(db: Kysely<any>, capabilities: Capabilities): Promise<void>;
}

/** An auto-numbered integer primary key, spelled the way each backend wants it. */
export function identity(capabilities: Capabilities) {
  return (column: ColumnDefinitionBuilder) =>
    capabilities.dialect === "postgres"
      ? column.primaryKey().generatedByDefaultAsIdentity()
      : column.primaryKey().autoIncrement();
}

/**
 * Small rows keyed by a composite primary key are stored in that key's b-tree on SQLite (WITHOUT ROWID), which
 * halves the writes for link tables; PostgreSQL has no such option and needs none.
 */
export function clusteredOnKey(capabilities: Capabilities) {
  return <T extends string, C extends string>(table: CreateTableBuilder<T, C>) =>
    capabilities.dialect === "sqlite" ? table.modifyEnd(sql`without rowid`) : table;
}
