import { type Kysely, sql } from "kysely";
import type { Migration } from "./migration.js";

/**
 * The keyword index. SQLite: an FTS5 table (porter stemming) keyed by a stable integer from `search_rows`
 * (papers has no integer key, and its implicit rowid may change on VACUUM). PostgreSQL: a weighted tsvector per
 * paper with a GIN index. Both are written by the paper upsert in the same transaction as the paper.
 */
export const searchIndex: Migration = {
  name: "0200-search-index",
  async up(db, capabilities) {
    await db.schema.createIndex("papers_title_lower").on("papers").expression(sql`lower(title)`).execute();
    if (capabilities.dialect === "sqlite") await createFts5(db);
    else await createTsvector(db);
  },
};

// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by nature
async function createFts5(db: Kysely<any>) {
  await sql`create table search_rows (
    id integer primary key,
    paper_id text not null unique references papers (id) on delete cascade
  )`.execute(db);
  await sql`create virtual table papers_fts using fts5(
    title, abstract, authors, tokenize = 'porter unicode61 remove_diacritics 2'
  )`.execute(db);
  // Title above abstract above authors; chosen on the SciFact train queries (bench/search-quality.bench.ts).
  await sql`insert into papers_fts (papers_fts, rank) values ('rank', 'bm25(3.0, 1.0, 0.5)')`.execute(db);
  // A paper deleted (its search row goes by cascade) leaves the index with it.
  await sql`create trigger search_rows_delete after delete on search_rows begin
    delete from papers_fts where rowid = old.id;
  end`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by nature
async function createTsvector(db: Kysely<any>) {
  await db.schema
    .createTable("paper_search")
    .addColumn("paper_id", "text", (c) => c.primaryKey().references("papers.id").onDelete("cascade"))
    .addColumn("document", sql`tsvector`, (c) => c.notNull())
    .execute();
  await sql`create index paper_search_document on paper_search using gin (document)`.execute(db);
}
