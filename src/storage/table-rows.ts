import { createHash } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { TableInfo } from "./catalog-types.js";
import type { Schema } from "./schema.js";

export type Row = Record<string, unknown>;

/** Rows of a table in primary-key order, a page at a time (bulk copies never hold a whole table). */
export async function* tableRows(
  db: Kysely<Schema>,
  table: TableInfo,
  pageSize = 2000,
): AsyncGenerator<Row[]> {
  const order = table.primaryKey.length > 0 ? table.primaryKey : table.columns;
  for (let offset = 0; ; offset += pageSize) {
    const { rows } = await sql<Row>`select ${sql.join(table.columns.map((c) => sql.ref(c)))}
      from ${sql.table(table.name)} order by ${sql.join(order.map((c) => sql.ref(c)))}
      limit ${pageSize} offset ${offset}`.execute(db);
    if (rows.length > 0) yield rows;
    if (rows.length < pageSize) return;
  }
}

/** One value the same way on every backend: numbers, 64-bit counts read as text, bytes and flags alike. */
function canonical(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value).toString("hex")}`;
  if (typeof value === "boolean") return value ? "1" : "0";
  return String(value);
}

const MODULUS = 1n << 128n;

/**
 * A digest of a table's content that does not depend on row order (backends sort text differently): each
 * row's SHA-256 is added up modulo 2^128, so equal digests mean equal multisets of rows.
 */
export class TableDigest {
  private sum = 0n;
  rows = 0;

  add(columns: readonly string[], row: Row): void {
    const hash = createHash("sha256")
      .update(JSON.stringify(columns.map((column) => canonical(row[column]))))
      .digest();
    this.sum = (this.sum + BigInt(`0x${hash.subarray(0, 16).toString("hex")}`)) % MODULUS;
    this.rows += 1;
  }

  get checksum(): string {
    return this.sum.toString(16).padStart(32, "0");
  }
}

export async function digestTable(db: Kysely<Schema>, table: TableInfo): Promise<TableDigest> {
  const digest = new TableDigest();
  for await (const page of tableRows(db, table)) for (const row of page) digest.add(table.columns, row);
  return digest;
}
