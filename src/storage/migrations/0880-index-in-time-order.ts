import { sql } from "kysely";
import type { Migration } from "./migration.js";

/**
 * The queue of papers waiting for their keyword-index entry learns when each paper was first submitted, and
 * hands them over oldest first (storage/keyword-index-queue.ts). Entries are numbered in the order they reach
 * the index, and a ranking of common words weighs the newest numbers only; handed over by id, a bulk load of
 * the whole archive numbered every id of the old form ("hep-th/9901001", before April 2007) after the new ones,
 * so its newest matches were papers of the 1990s. Papers queued before this change keep their place at the
 * front; entries already written keep their numbers.
 */
export const indexInTimeOrder: Migration = {
  name: "0880-index-in-time-order",
  async up(db) {
    await sql`alter table search_pending add column submitted text not null default ''`.execute(db);
    await sql`update search_pending set submitted = coalesce(
      (select p.published from papers p where p.id = search_pending.paper_id), '')`.execute(db);
    await sql`create index search_pending_order on search_pending (submitted, paper_id)`.execute(db);
  },
};
