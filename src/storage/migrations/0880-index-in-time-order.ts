import { sql } from "kysely";
import type { Migration } from "./migration.js";

/**
 * Two changes for the keyword index at archive scale.
 *
 * The queue of papers waiting for their entry learns when each paper was first submitted, and hands them over
 * oldest first (storage/keyword-index-queue.ts). Entries are numbered in the order they reach the index, and a
 * ranking of common words weighs the newest numbers only; handed over by id, a bulk load of the whole archive
 * numbered every id of the old form ("hep-th/9901001", before April 2007) after the new ones, so its newest
 * matches were papers of the 1990s. Papers queued before this change keep their place at the front; entries
 * already written keep their numbers.
 *
 * PostgreSQL: entries stay in their table's rows up to a whole page (toast_tuple_target), where an average
 * entry of about 2,200 bytes went to the TOAST table: ranking the newest 2,000 matches of common words read
 * each document through the TOAST index and two chunks, 10.5 against 3.7 ms. The table is rewritten in the
 * order entries were numbered so that existing rows move back too (instant on a new database; see
 * docs/deployment.md for the time at 3,000,000 papers).
 */
export const indexInTimeOrder: Migration = {
  name: "0880-index-in-time-order",
  async up(db, capabilities) {
    await sql`alter table search_pending add column submitted text not null default ''`.execute(db);
    await sql`update search_pending set submitted = coalesce(
      (select p.published from papers p where p.id = search_pending.paper_id), '')`.execute(db);
    await sql`create index search_pending_order on search_pending (submitted, paper_id)`.execute(db);
    if (capabilities.dialect !== "postgres") return;
    await sql`alter table paper_search set (toast_tuple_target = 8160)`.execute(db);
    await sql`cluster paper_search using paper_search_seq`.execute(db);
  },
};
