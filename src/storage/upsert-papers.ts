import type { IncomingPaper } from "../core/paper.js";
import type { Database } from "./database.js";
import { upsertPapersPostgres } from "./postgres/upsert-papers.js";
import { upsertPapersSqlite } from "./sqlite/upsert-papers.js";
import type { UpsertCounts, UpsertOptions } from "./upsert-types.js";

/**
 * The one upsert every source goes through. Its rules, which every backend's implementation keeps:
 * - The whole batch, and `options.checkpoint` if given, is one transaction: a crash leaves all of it or none.
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
