import { sql } from "kysely";
import type { Migration } from "./migration.js";

const HASH_BYTES = 16 * 1024 * 1024;

/**
 * SQLite: the keyword index is written again with hyphenated compounds also indexed as one word
 * (storage/sqlite/compounds.ts). The table is emptied and every indexed paper queued, so that the entries are
 * rewritten in large chunks by `paperboy index` or a starting `serve` (about 4 minutes at 3,000,000 papers)
 * rather than inside this transaction; until then keyword searches find only the papers already rewritten.
 * Emptying by dropping leaves no deletion markers behind for FTS5 to carry. PostgreSQL's parser indexes
 * compounds whole already.
 */
export const keywordCompounds: Migration = {
  name: "0850-keyword-compounds",
  async up(db, capabilities) {
    if (capabilities.dialect !== "sqlite") return;
    await sql`drop table papers_fts`.execute(db);
    await sql`create virtual table papers_fts using fts5(
      title, abstract, authors, tokenize = 'porter unicode61 remove_diacritics 2',
      content = '', contentless_delete = 1
    )`.execute(db);
    await sql`insert into papers_fts (papers_fts, rank) values ('rank', 'bm25(3.0, 1.0, 0.5)')`.execute(db);
    await sql`insert into papers_fts (papers_fts, rank) values ('hashsize', ${sql.lit(HASH_BYTES)})`.execute(
      db,
    );
    await sql`insert into search_pending (paper_id) select paper_id from search_rows where true
      on conflict (paper_id) do nothing`.execute(db);
  },
};
