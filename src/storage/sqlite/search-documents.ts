import type BetterSqlite3 from "better-sqlite3";

/**
 * Rewrites papers' keyword-index entries from their stored rows, set-based: three statements per call whatever
 * the number of papers, with the text read inside SQLite from the rows just written instead of being passed
 * from JavaScript a second time (titles and abstracts get their hyphenated compounds appended on the way:
 * compounds.ts). Callers run it inside their own transaction, after the papers and authors.
 */
export class SqliteSearchDocuments {
  private readonly remove: BetterSqlite3.Statement<[string]>;
  private readonly ensureRows: BetterSqlite3.Statement<[string]>;
  private readonly insert: BetterSqlite3.Statement<[string]>;

  constructor(db: BetterSqlite3.Database) {
    // CROSS JOIN keeps the id list as the outer loop: each paper is found by key, never by a table scan.
    this.remove = db.prepare(
      `delete from papers_fts where rowid in
         (select r.id from json_each(?) j cross join search_rows r on r.paper_id = j.value)`,
    );
    this.ensureRows = db.prepare(
      "insert into search_rows (paper_id) select value from json_each(?) where true on conflict (paper_id) do nothing",
    );
    this.insert = db.prepare(
      `insert into papers_fts (rowid, title, abstract, authors)
       select r.id, paperboy_indexed_text(p.title), paperboy_indexed_text(p.abstract),
         coalesce((select group_concat(a.name, ', ' order by a.position) from paper_authors a
           where a.paper_id = p.id), '')
       from json_each(?) j cross join search_rows r on r.paper_id = j.value cross join papers p on p.id = j.value`,
    );
  }

  /** Replaces the entries of these papers (a paper new to the index gets a new search row first). */
  refresh(ids: readonly string[]): void {
    if (ids.length === 0) return;
    const list = JSON.stringify(ids);
    this.remove.run(list);
    this.ensureRows.run(list);
    this.insert.run(list);
  }
}

const cache = new WeakMap<BetterSqlite3.Database, SqliteSearchDocuments>();

export function sqliteSearchDocuments(db: BetterSqlite3.Database): SqliteSearchDocuments {
  let writer = cache.get(db);
  if (!writer) {
    writer = new SqliteSearchDocuments(db);
    cache.set(db, writer);
  }
  return writer;
}
