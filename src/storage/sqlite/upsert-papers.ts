import type BetterSqlite3 from "better-sqlite3";
import type { IncomingPaper } from "../../core/paper.js";
import {
  authorRows,
  type PaperFields,
  type PaperRow,
  planUpsert,
  type StoredState,
  type UpsertPlan,
} from "../upsert-plan.js";
import type { UpsertCounts, UpsertOptions } from "../upsert-types.js";
import { type SqliteSearchDocuments, sqliteSearchDocuments } from "./search-documents.js";

const PAPER_COLUMNS = `id, title, abstract, comment, journal_ref, doi, license, primary_category, published, updated,
  latest_version, withdrawn, content_hash`;

/**
 * SQLite's bulk path. A batch is first planned (storage/upsert-plan.ts), then written with prepared statements
 * on the raw better-sqlite3 handle inside one transaction: a bulk import runs hundreds of thousands of
 * statements, and a query builder's per-statement cost would dominate.
 */
class SqliteUpsert {
  private readonly existing: BetterSqlite3.Statement<[string], StoredState & { id: string }>;
  private readonly insertPaper: BetterSqlite3.Statement<[...PaperRow, string, string]>;
  private readonly updatePaper: BetterSqlite3.Statement<[...PaperFields, string, string]>;
  private readonly deleteAuthors: BetterSqlite3.Statement<[string]>;
  private readonly deleteCategories: BetterSqlite3.Statement<[string]>;
  private readonly insertAuthors: BetterSqlite3.Statement<[string]>;
  private readonly insertCategories: BetterSqlite3.Statement<[string]>;
  private readonly insertVersion: BetterSqlite3.Statement<[string, number, string]>;
  private readonly insertListing: BetterSqlite3.Statement<
    [string, string, number | null, number | null, string, string]
  >;
  private readonly updateUpvotes: BetterSqlite3.Statement<[number, string]>;
  private readonly announce: BetterSqlite3.Statement<[string, string, number]>;
  private readonly searchDocuments: SqliteSearchDocuments;
  private readonly saveCheckpoint: BetterSqlite3.Statement<[string, string, string]>;
  private readonly queueForIndex: BetterSqlite3.Statement<[string]>;

  constructor(readonly db: BetterSqlite3.Database) {
    this.existing = db.prepare(
      `select p.id, p.content_hash, p.latest_version, l.listing_day, l.external_upvotes, a.arxiv_day, a.observed
       from json_each(?) j join papers p on p.id = j.value left join listing_entries l on l.paper_id = p.id
       left join announcements a on a.paper_id = p.id`,
    );
    this.insertPaper = db.prepare(
      `insert into papers (${PAPER_COLUMNS}, created_at, modified_at) values (${"?, ".repeat(14)}?)`,
    );
    this.updatePaper = db.prepare(
      `update papers set title = ?, abstract = ?, comment = ?, journal_ref = ?, doi = ?, license = coalesce(?, license),
         primary_category = ?, published = coalesce(?, published), updated = coalesce(?, updated),
         latest_version = coalesce(?, latest_version), withdrawn = ?, content_hash = ?, modified_at = ?
       where id = ?`,
    );
    this.deleteAuthors = db.prepare("delete from paper_authors where paper_id = ?");
    this.deleteCategories = db.prepare("delete from paper_categories where paper_id = ?");
    // Ordered lists go in as one JSON object per batch ({id: [value, ...]}): one statement instead of one per
    // author, which is most of a bulk import's statements.
    // Authors come as {id: [[name, name key], ...]}.
    this.insertAuthors = db.prepare(
      `insert into paper_authors (paper_id, position, name, name_key)
       select p.key, a.key, a.value ->> 0, a.value ->> 1 from json_each(?) p, json_each(p.value) a`,
    );
    this.insertCategories = db.prepare(
      `insert into paper_categories (paper_id, position, category)
       select p.key, c.key, c.value from json_each(?) p, json_each(p.value) c`,
    );
    this.insertVersion = db.prepare(
      "insert into paper_versions (paper_id, version, created) values (?, ?, ?) on conflict do nothing",
    );
    this.insertListing = db.prepare(
      `insert into listing_entries (paper_id, listing_day, submitted_by, external_upvotes, featured_at, source)
       values (?, ?, ?, ?, ?, ?) on conflict (paper_id) do nothing`,
    );
    this.updateUpvotes = db.prepare("update listing_entries set external_upvotes = ? where paper_id = ?");
    this.announce = db.prepare(
      `insert into announcements (paper_id, arxiv_day, observed) values (?, ?, ?)
       on conflict (paper_id) do update set arxiv_day = excluded.arxiv_day, observed = excluded.observed`,
    );
    this.searchDocuments = sqliteSearchDocuments(db);
    this.queueForIndex = db.prepare(
      `insert into search_pending (paper_id, submitted)
       select p.id, coalesce(p.published, '') from json_each(?) j cross join papers p on p.id = j.value
       where true on conflict do nothing`,
    );
    this.saveCheckpoint = db.prepare(
      `insert into ingest_cursors (name, state, updated_at) values (?, ?, ?)
       on conflict (name) do update set state = excluded.state, updated_at = excluded.updated_at`,
    );
  }

  run(papers: readonly IncomingPaper[], options: UpsertOptions): UpsertCounts {
    const known = new Map<string, StoredState>();
    for (const row of this.existing.all(JSON.stringify(papers.map((p) => p.record.id))))
      known.set(row.id, row);
    const plan = planUpsert(papers, known, options);
    this.write(plan, options);
    if (options.checkpoint)
      this.saveCheckpoint.run(options.checkpoint.name, options.checkpoint.state, options.now);
    return plan.counts;
  }

  private write(plan: UpsertPlan, { now, source, keywordIndex }: UpsertOptions) {
    for (const row of plan.inserts.values()) this.insertPaper.run(...row, now, now);
    for (const [id, ...rest] of plan.updates.values()) {
      this.updatePaper.run(...rest, now, id);
      this.deleteAuthors.run(id);
      this.deleteCategories.run(id);
    }
    if (plan.authors.size > 0) this.insertAuthors.run(JSON.stringify(keyedAuthors(plan.authors)));
    if (plan.categories.size > 0)
      this.insertCategories.run(JSON.stringify(Object.fromEntries(plan.categories)));
    for (const row of plan.versions) this.insertVersion.run(...row);
    for (const row of plan.listings.values()) this.insertListing.run(...row, now, source);
    for (const [id, upvotes] of plan.upvoteUpdates) this.updateUpvotes.run(upvotes, id);
    for (const row of plan.announcements.values()) this.announce.run(...row);
    const changed = [...plan.inserts.keys(), ...plan.updates.keys()];
    if (keywordIndex === "later") {
      if (changed.length > 0) this.queueForIndex.run(JSON.stringify(changed));
    } else this.searchDocuments.refresh(changed);
  }
}

/** {id: [[name, name key], ...]}, the shape the author insert reads. */
function keyedAuthors(authors: Map<string, readonly string[]>): Record<string, [string, string][]> {
  const keyed: Record<string, [string, string][]> = {};
  for (const [id, , name, key] of authorRows(authors)) {
    const list = keyed[id] ?? [];
    list.push([name, key]);
    keyed[id] = list;
  }
  return keyed;
}

const cache = new WeakMap<BetterSqlite3.Database, SqliteUpsert>();

export function upsertPapersSqlite(
  db: BetterSqlite3.Database,
  papers: readonly IncomingPaper[],
  options: UpsertOptions,
): UpsertCounts {
  let upsert = cache.get(db);
  if (!upsert) {
    upsert = new SqliteUpsert(db);
    cache.set(db, upsert);
  }
  const statements = upsert;
  // IMMEDIATE: take the write lock before reading what is stored. A deferred transaction that reads first
  // cannot wait for another process's writer to finish (SQLite answers "database is locked" at once).
  return db.transaction(() => statements.run(papers, options)).immediate();
}
