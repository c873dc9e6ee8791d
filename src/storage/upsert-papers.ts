import type { IncomingPaper } from "../core/paper.js";
import type { Database } from "./database.js";
import { upsertPapersPostgres } from "./postgres/upsert-papers.js";
import { upsertPapersSqlite } from "./sqlite/upsert-papers.js";

export interface UpsertOptions {
  /** The account the featured papers stand as submitted by (null for none). */
  readonly submitterId: number | null;
  /** Where the records came from: `import`, `arxiv`, `hf`, `community`... */
  readonly source: string;
  /** ISO instant used for created/modified/featured stamps. */
  readonly now: string;
  /**
   * A resumable ingestion's position, written to `ingest_cursors` in the same transaction as the batch: after
   * a crash the cursor and the papers agree, so a resumed run neither skips nor repeats a committed page.
   */
  readonly cursor?: IngestCursor;
  /**
   * `now` (the default) writes the changed papers' keyword-index entries in the batch's transaction: they are
   * searchable the moment they are stored. `later` queues them instead (`search_pending`, same transaction)
   * for storage/keyword-index-queue.ts to index in chunks: a bulk load stores papers in a little over half the
   * time, and the index is built by `paperboy index`, by `serve` at start and on its refresh timer.
   */
  readonly keywordIndex?: "now" | "later";
}

export interface IngestCursor {
  readonly name: string;
  /** JSON text; its shape belongs to the ingestion that owns the name. */
  readonly state: string;
}

export interface UpsertCounts {
  added: number;
  updated: number;
  unchanged: number;
  /** Papers newly placed on a listing day by this batch. */
  featured: number;
  /** Stored papers whose fields were cut to their limits (core/record-bounds.ts). */
  cut: number;
}

export const emptyCounts = (): UpsertCounts => ({ added: 0, updated: 0, unchanged: 0, featured: 0, cut: 0 });

export function addCounts(total: UpsertCounts, part: UpsertCounts): void {
  total.added += part.added;
  total.updated += part.updated;
  total.unchanged += part.unchanged;
  total.featured += part.featured;
  total.cut += part.cut;
}

/**
 * The one upsert every source goes through. Its rules, which every backend's implementation keeps:
 * - The whole batch, and `options.cursor` if given, is one transaction: a crash leaves all of it or none.
 * - A record whose content digest equals the stored one costs no write at all.
 * - Versions are facts: every (paper, version, created) a record carries is recorded, whatever else happens.
 * - Metadata (title, abstract, authors, categories, comment, journal-ref, DOI, licence, withdrawn) is replaced
 *   only by a record whose latest version is at least the stored one. A record that knows no version (a listing
 *   file, Hugging Face) never replaces metadata of a paper stored with a known version; it still features it.
 * - On replacement a licence or `published` the record does not know (null) keeps the stored value.
 * - Withdrawn is the latest metadata's word: a paper is marked withdrawn when its newest record says so.
 * - Text is bounded here too (core/record-bounds.ts): control characters removed, over-long fields and author
 *   lists cut, and the papers cut are counted.
 * - Categories are validated here too (core/categories.ts): ACM/MSC codes are dropped, order kept; the first is
 *   the primary category. Authors keep their order.
 * - Listing: a paper is featured at most once (the first listing day wins); a later record with external
 *   (Hugging Face) upvotes updates only that count.
 */
export function upsertPapers(
  database: Database,
  papers: readonly IncomingPaper[],
  options: UpsertOptions,
): Promise<UpsertCounts> {
  const native = database.native;
  if (native.kind === "sqlite") return Promise.resolve(upsertPapersSqlite(native.db, papers, options));
  return upsertPapersPostgres(native.pool, papers, options);
}
