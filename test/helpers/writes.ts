import type { Database } from "../../src/storage/database.js";

const PAPER_TABLES = ["papers", "paper_authors", "paper_categories", "paper_versions", "listing_entries"];

/**
 * A stamp that changes whenever a row of the paper tables is written, even with identical values: SQLite
 * counts changes per connection; PostgreSQL gives every written row version a new xmin.
 */
export async function writeStamp(database: Database): Promise<string> {
  const native = database.native;
  if (native.kind === "sqlite") {
    return JSON.stringify(native.db.prepare("select total_changes() n").get());
  }
  const perTable = PAPER_TABLES.map(
    (table) => `select '${table}' as t, string_agg(xmin::text, ',' order by xmin::text) as x from ${table}`,
  );
  const { rows } = await native.pool.query(perTable.join(" union all "));
  return JSON.stringify(rows);
}
