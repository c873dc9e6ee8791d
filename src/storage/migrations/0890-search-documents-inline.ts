import { sql } from "kysely";
import type { Migration } from "./migration.js";

/**
 * PostgreSQL: keyword-index entries stay in their table's rows up to a whole page (toast_tuple_target), where an
 * average entry of about 2,200 bytes went to the TOAST table uncompressed: ranking the newest 2,000 matches of
 * common words read each document through the TOAST index and two chunks, 10.5 against 3.7 ms. The table is
 * rewritten in the order entries were numbered so that existing rows move back too (instant on a new database;
 * docs/deployment.md gives the time at 3,000,000 papers).
 */
export const searchDocumentsInline: Migration = {
  name: "0890-search-documents-inline",
  async up(db, capabilities) {
    if (capabilities.dialect !== "postgres") return;
    await sql`alter table paper_search set (toast_tuple_target = 8160)`.execute(db);
    await sql`cluster paper_search using paper_search_seq`.execute(db);
  },
};
