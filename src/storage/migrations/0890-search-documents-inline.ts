import { sql } from "kysely";
import type { Migration } from "./migration.js";

/**
 * PostgreSQL: keyword-index entries stay in their table's rows up to a whole page (toast_tuple_target), where an
 * average entry of about 2,200 bytes went to the TOAST table uncompressed: ranking the newest 2,000 matches of
 * common words read each document through the TOAST index and two chunks, 10.5 against 3.7 ms. New entries
 * go to their rows from here on. Existing ones move when the table is rewritten (in the order entries were
 * numbered); this does it for a small index, where it takes seconds, and leaves a large one to its operator, as
 * the rewrite holds keyword search for the whole of it (docs/deployment.md gives the time at 3,000,000 papers).
 */
export const searchDocumentsInline: Migration = {
  name: "0890-search-documents-inline",
  async up(db, capabilities) {
    if (capabilities.dialect !== "postgres") return;
    await sql`alter table paper_search set (toast_tuple_target = 8160)`.execute(db);
    const { rows } = await sql<{ n: string }>`select count(*) as n from
      (select 1 from paper_search limit ${REWRITTEN_UP_TO + 1}) as entries`.execute(db);
    if (Number(rows[0]?.n ?? 0) <= REWRITTEN_UP_TO)
      await sql`cluster paper_search using paper_search_seq`.execute(db);
  },
};

/** Entries this migration rewrites at most: about a minute's work, going by 34 minutes for 3,000,000. */
const REWRITTEN_UP_TO = 100_000;
