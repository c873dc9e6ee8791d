import { sql } from "kysely";
import type { Migration } from "./migration.js";

/**
 * PostgreSQL: each keyword-index entry numbered in the order papers first reached the index (a re-indexed
 * paper keeps its number), with an index on it, so that a keyword ranking can weigh the newest matches only
 * and stop there, as SQLite's FTS5 walks its row ids (postgres/keyword-search.ts). Existing entries are
 * numbered in the order they are stored. SQLite has the row id already.
 */
export const searchOrder: Migration = {
  name: "0840-search-order",
  async up(db, capabilities) {
    if (capabilities.dialect !== "postgres") return;
    await sql`alter table paper_search add column seq bigint generated always as identity`.execute(db);
    await sql`create index paper_search_seq on paper_search (seq)`.execute(db);
  },
};
