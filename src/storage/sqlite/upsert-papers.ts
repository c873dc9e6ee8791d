import type BetterSqlite3 from "better-sqlite3";
import { type IncomingPaper, latestVersion, type PaperRecord } from "../../core/paper.js";
import { contentHash } from "../content-hash.js";
import type { UpsertCounts, UpsertOptions } from "../upsert-papers.js";
import { emptyCounts } from "../upsert-papers.js";

interface StoredState {
  content_hash: string;
  latest_version: number | null;
  listing_day: string | null;
  external_upvotes: number | null;
}

type PaperRow = [id: string, ...PaperFields];
type PaperFields = [
  title: string,
  abstract: string,
  comment: string | null,
  journalRef: string | null,
  doi: string | null,
  license: string | null,
  primaryCategory: string | null,
  published: string | null,
  updated: string | null,
  latestVersion: number | null,
  withdrawn: 0 | 1,
  contentHash: string,
];

/** The rows one batch writes, gathered before any is written so that the write loop stays tight. */
class BatchRows {
  readonly inserts: PaperRow[] = [];
  readonly updates: PaperRow[] = [];
  readonly authors: [string, number, string][] = [];
  readonly categories: [string, number, string][] = [];
  readonly versions: [string, number, string][] = [];
  readonly listings: [string, string, number | null, number | null][] = [];
  readonly upvoteUpdates: [string, number][] = [];
  readonly replaced: string[] = [];
}

const PAPER_COLUMNS = `id, title, abstract, comment, journal_ref, doi, license, primary_category, published, updated,
  latest_version, withdrawn, content_hash`;

/**
 * SQLite's bulk path. A batch is first gathered into plain rows, then written with prepared statements on the
 * raw better-sqlite3 handle inside one transaction: a bulk import runs hundreds of thousands of statements, and
 * a query builder's per-statement cost would dominate.
 */
class SqliteUpsert {
  private readonly existing: BetterSqlite3.Statement<[string], StoredState & { id: string }>;
  private readonly insertPaper: BetterSqlite3.Statement<[...PaperRow, string, string]>;
  private readonly updatePaper: BetterSqlite3.Statement<[...PaperFields, string, string]>;
  private readonly deleteAuthors: BetterSqlite3.Statement<[string]>;
  private readonly deleteCategories: BetterSqlite3.Statement<[string]>;
  private readonly insertAuthor: BetterSqlite3.Statement<[string, number, string]>;
  private readonly insertCategory: BetterSqlite3.Statement<[string, number, string]>;
  private readonly insertVersion: BetterSqlite3.Statement<[string, number, string]>;
  private readonly insertListing: BetterSqlite3.Statement<
    [string, string, number | null, number | null, string, string]
  >;
  private readonly updateUpvotes: BetterSqlite3.Statement<[number, string]>;

  constructor(readonly db: BetterSqlite3.Database) {
    this.existing = db.prepare(
      `select p.id, p.content_hash, p.latest_version, l.listing_day, l.external_upvotes
       from json_each(?) j join papers p on p.id = j.value left join listing_entries l on l.paper_id = p.id`,
    );
    this.insertPaper = db.prepare(
      `insert into papers (${PAPER_COLUMNS}, created_at, modified_at) values (${"?, ".repeat(14)}?)`,
    );
    this.updatePaper = db.prepare(
      `update papers set title = ?, abstract = ?, comment = ?, journal_ref = ?, doi = ?, license = ?,
         primary_category = ?, published = coalesce(?, published), updated = coalesce(?, updated),
         latest_version = coalesce(?, latest_version), withdrawn = ?, content_hash = ?, modified_at = ?
       where id = ?`,
    );
    this.deleteAuthors = db.prepare("delete from paper_authors where paper_id = ?");
    this.deleteCategories = db.prepare("delete from paper_categories where paper_id = ?");
    this.insertAuthor = db.prepare("insert into paper_authors (paper_id, position, name) values (?, ?, ?)");
    this.insertCategory = db.prepare(
      "insert into paper_categories (paper_id, position, category) values (?, ?, ?)",
    );
    this.insertVersion = db.prepare(
      "insert into paper_versions (paper_id, version, created) values (?, ?, ?) on conflict do nothing",
    );
    this.insertListing = db.prepare(
      `insert into listing_entries (paper_id, listing_day, submitted_by, external_upvotes, featured_at, source)
       values (?, ?, ?, ?, ?, ?) on conflict (paper_id) do nothing`,
    );
    this.updateUpvotes = db.prepare("update listing_entries set external_upvotes = ? where paper_id = ?");
  }

  run(papers: readonly IncomingPaper[], options: UpsertOptions): UpsertCounts {
    const counts = emptyCounts();
    const known = new Map<string, StoredState>();
    for (const row of this.existing.all(JSON.stringify(papers.map((p) => p.record.id))))
      known.set(row.id, row);
    const rows = new BatchRows();
    for (const paper of papers) {
      const before = known.get(paper.record.id);
      const stored = gatherRecord(paper.record, before, rows, counts);
      const listing = gatherListing(paper, before, options, rows, counts);
      // A later record for the same id in this batch must see what this one will write.
      known.set(paper.record.id, { ...stored, ...listing });
    }
    this.write(rows, options);
    return counts;
  }

  private write(rows: BatchRows, { now, source }: UpsertOptions) {
    for (const row of rows.inserts) this.insertPaper.run(...row, now, now);
    for (const [id, ...rest] of rows.updates) this.updatePaper.run(...rest, now, id);
    for (const id of rows.replaced) {
      this.deleteAuthors.run(id);
      this.deleteCategories.run(id);
    }
    for (const row of rows.authors) this.insertAuthor.run(...row);
    for (const row of rows.categories) this.insertCategory.run(...row);
    for (const row of rows.versions) this.insertVersion.run(...row);
    for (const row of rows.listings) this.insertListing.run(...row, now, source);
    for (const [id, upvotes] of rows.upvoteUpdates) this.updateUpvotes.run(upvotes, id);
  }
}

function gatherRecord(
  record: PaperRecord,
  existing: StoredState | undefined,
  rows: BatchRows,
  counts: UpsertCounts,
): Pick<StoredState, "content_hash" | "latest_version"> {
  const hash = contentHash(record);
  if (existing?.content_hash === hash) {
    counts.unchanged += 1;
    return existing;
  }
  for (const v of record.versions) rows.versions.push([record.id, v.version, v.created]);
  const incoming = latestVersion(record);
  const stale = existing?.latest_version != null && incoming != null && incoming < existing.latest_version;
  if (existing && stale) {
    counts.unchanged += 1;
    return existing;
  }
  const row: PaperRow = [
    record.id,
    record.title,
    record.abstract,
    record.comment,
    record.journalRef,
    record.doi,
    record.license,
    record.categories[0] ?? null,
    record.published,
    record.updated,
    incoming,
    record.withdrawn ? 1 : 0,
    hash,
  ];
  if (existing) {
    rows.updates.push(row);
    rows.replaced.push(record.id);
    counts.updated += 1;
  } else {
    rows.inserts.push(row);
    counts.added += 1;
  }
  record.authors.forEach((name, i) => {
    rows.authors.push([record.id, i, name]);
  });
  record.categories.forEach((category, i) => {
    rows.categories.push([record.id, i, category]);
  });
  return { content_hash: hash, latest_version: incoming ?? existing?.latest_version ?? null };
}

function gatherListing(
  paper: IncomingPaper,
  existing: StoredState | undefined,
  options: UpsertOptions,
  rows: BatchRows,
  counts: UpsertCounts,
): Pick<StoredState, "listing_day" | "external_upvotes"> {
  const upvotes = paper.externalUpvotes ?? null;
  if (existing?.listing_day) {
    if (upvotes === null || upvotes === existing.external_upvotes) return existing;
    rows.upvoteUpdates.push([paper.record.id, upvotes]);
    return { listing_day: existing.listing_day, external_upvotes: upvotes };
  }
  if (!paper.featureOn) return { listing_day: null, external_upvotes: null };
  rows.listings.push([paper.record.id, paper.featureOn, options.submitterId, upvotes]);
  counts.featured += 1;
  return { listing_day: paper.featureOn, external_upvotes: upvotes };
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
  return db.transaction(() => statements.run(papers, options))();
}
