import { sql } from "kysely";
import type { Migration } from "./migration.js";

/**
 * SQLite's keyword index becomes contentless: FTS5 keeps only the inverted index and each document's column
 * sizes (all BM25 needs), no second copy of every title and abstract. That copy was half of each imported
 * paper's bytes. `contentless_delete = 1` keeps deleting and replacing a document by rowid working; the search
 * never reads the indexed text back (no snippet or highlight). PostgreSQL's tsvector index is unchanged.
 */
const HASH_BYTES = 16 * 1024 * 1024;

export const contentlessSearchIndex: Migration = {
  name: "0202-contentless-search-index",
  async up(db, capabilities) {
    if (capabilities.dialect !== "sqlite") return;
    await sql`drop table papers_fts`.execute(db);
    await sql`create virtual table papers_fts using fts5(
      title, abstract, authors, tokenize = 'porter unicode61 remove_diacritics 2',
      content = '', contentless_delete = 1
    )`.execute(db);
    await sql`insert into papers_fts (papers_fts, rank) values ('rank', 'bm25(3.0, 1.0, 0.5)')`.execute(db);
    // Pending index data is flushed as a new segment whenever it outgrows this (default 1 MB): a bulk batch
    // then makes one segment instead of dozens, and FTS5 spends far less time merging small segments.
    await sql`insert into papers_fts (papers_fts, rank) values ('hashsize', ${sql.lit(HASH_BYTES)})`.execute(
      db,
    );
    await sql`insert into papers_fts (rowid, title, abstract, authors)
      select r.id, p.title, p.abstract,
        coalesce((select group_concat(a.name, ', ' order by a.position) from paper_authors a
          where a.paper_id = p.id), '')
      from search_rows r join papers p on p.id = r.paper_id`.execute(db);
  },
};
