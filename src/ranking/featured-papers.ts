import type { Period } from "../core/periods.js";
import type { Database } from "../storage/database.js";
import { listFeatured, type Page, type PaperSummary } from "../storage/papers.js";

export type FeaturedSort = "publishedAt" | "trending";

export interface FeaturedRequest {
  /** The listing days to cover; null for every listing day. */
  readonly period: Period | null;
  /** Page number from 0, as Hugging Face counts. */
  readonly page: number;
  readonly limit: number;
  readonly sort: FeaturedSort;
  readonly submitter?: string | undefined;
}

// Listing days are YYYY-MM-DD text, so these bounds hold every day there is.
const FIRST_DAY = "0000-01-01";
const LAST_DAY = "9999-12-31";

/**
 * The featured papers of a period (the JSON API's daily lists): newest listing day first, or most upvoted first
 * for `trending`. One query serves this API, the list pages and the feeds.
 */
export function featuredPapers(database: Database, request: FeaturedRequest): Promise<Page<PaperSummary>> {
  return listFeatured(database, {
    first: request.period?.first ?? FIRST_DAY,
    last: request.period?.last ?? LAST_DAY,
    offset: request.page * request.limit,
    limit: request.limit,
    sort: request.sort === "trending" ? "upvotes" : "featured",
    ...(request.submitter ? { submitter: request.submitter } : {}),
  });
}

/** The most papers one list export (BibTeX) holds; a month of a busy instance stays well under it. */
export const LIST_EXPORT_LIMIT = 20_000;
const EXPORT_CHUNK = 1000;

/** Every featured paper of a period, in list order, read a chunk at a time. */
export async function everyFeaturedPaper(database: Database, period: Period): Promise<PaperSummary[]> {
  const papers: PaperSummary[] = [];
  for (let page = 0; papers.length < LIST_EXPORT_LIMIT; page += 1) {
    const chunk = await featuredPapers(database, { period, page, limit: EXPORT_CHUNK, sort: "publishedAt" });
    papers.push(...chunk.items);
    if (chunk.items.length < EXPORT_CHUNK) break;
  }
  return papers;
}
