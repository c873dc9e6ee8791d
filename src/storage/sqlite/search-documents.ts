import type BetterSqlite3 from "better-sqlite3";
import type { UpsertPlan } from "../upsert-plan.js";

/** What the keyword index holds for one paper. */
export interface SearchDocument {
  readonly id: string;
  readonly title: string;
  readonly abstract: string;
  readonly authors: readonly string[];
}

/**
 * Writes papers' keyword-index entries with prepared statements, for the bulk upsert path (which runs it inside
 * its own transaction) and for single writes.
 */
export class SqliteSearchDocuments {
  private readonly ensureRow: BetterSqlite3.Statement<[string]>;
  private readonly rowOf: BetterSqlite3.Statement<[string], { id: number }>;
  private readonly remove: BetterSqlite3.Statement<[number]>;
  private readonly insert: BetterSqlite3.Statement<[number, string, string, string]>;

  constructor(db: BetterSqlite3.Database) {
    this.ensureRow = db.prepare(
      "insert into search_rows (paper_id) values (?) on conflict (paper_id) do nothing",
    );
    this.rowOf = db.prepare("select id from search_rows where paper_id = ?");
    this.remove = db.prepare("delete from papers_fts where rowid = ?");
    this.insert = db.prepare("insert into papers_fts (rowid, title, abstract, authors) values (?, ?, ?, ?)");
  }

  /** Replaces the entries of these papers (a new paper gets a new search row and needs no delete). */
  write(documents: readonly SearchDocument[]): void {
    for (const document of documents) {
      const inserted = this.ensureRow.run(document.id);
      const rowId = inserted.changes > 0 ? Number(inserted.lastInsertRowid) : this.rowOf.get(document.id)?.id;
      if (rowId === undefined) continue;
      if (inserted.changes === 0) this.remove.run(rowId);
      this.insert.run(rowId, document.title, document.abstract, document.authors.join(", "));
    }
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

/** The keyword-index entries of the papers an upsert batch inserts or updates (authors from the same plan). */
export function searchDocumentsOf(plan: UpsertPlan): SearchDocument[] {
  const documents: SearchDocument[] = [];
  for (const rows of [plan.inserts, plan.updates]) {
    for (const [id, title, abstract] of rows.values()) {
      documents.push({ id, title, abstract, authors: plan.authors.get(id) ?? [] });
    }
  }
  return documents;
}
