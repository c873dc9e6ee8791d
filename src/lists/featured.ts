import type { PaperSummary } from "../core/paper.js";
import type { Period } from "../core/periods.js";
import type { Database } from "../storage/database.js";
import { countFeatured, type FeaturedQuery, type FeaturedSort, featuredIds } from "../storage/featured.js";
import { getSummaries } from "../storage/papers.js";
import { type ListHeading, offsetOf, type PageRequest, type PaperList, paperList } from "./paper-list.js";

export interface FeaturedListRequest extends PageRequest {
  /** The listing days to cover; null for every listing day. */
  readonly period: Period | null;
  readonly sort: FeaturedSort;
  /** Only the papers this account (by handle) featured. */
  readonly submitter?: string | undefined;
}

/** The order a week or month page shows unless asked otherwise. */
export const PERIOD_DEFAULT_SORT: FeaturedSort = "upvotes";

// Listing days are YYYY-MM-DD text, so these bounds hold every day there is.
const EVERY_DAY = { first: "0000-01-01", last: "9999-12-31" };

/** One page of the featured papers a query selects, in list order, and how many it selects in all. */
export async function featuredPage(
  database: Database,
  query: FeaturedQuery,
  request: PageRequest,
  heading: ListHeading,
): Promise<PaperList> {
  const [total, ids] = await Promise.all([
    countFeatured(database, query),
    featuredIds(database, query, { offset: offsetOf(request), limit: request.size }),
  ]);
  return paperList(heading, request, await getSummaries(database, ids), total);
}

/** What a period's list is called and where its page and feed are; a page names its sort when not the default. */
export function periodHeading(period: Period | null, sort: FeaturedSort): ListHeading {
  if (period === null)
    return {
      title: "Featured papers",
      description: "Every listing day",
      pagePath: "/papers",
      feedPath: "/feeds/papers",
    };
  const span = period.first === period.last ? period.first : `${period.first} to ${period.last}`;
  const title = period.kind === "week" ? `Papers of week ${period.key}` : `Papers of ${period.key}`;
  const path = period.kind === "day" ? `/papers/date/${period.key}` : `/papers/${period.kind}/${period.key}`;
  const sorted = period.kind !== "day" && sort !== PERIOD_DEFAULT_SORT ? `?sort=${sort}` : "";
  return {
    title,
    description: `Papers featured on Paperboy, ${span}`,
    pagePath: `${path}${sorted}`,
    feedPath: `/feeds/${period.kind}/${period.key}`,
  };
}

/**
 * The featured papers of a period, or of every listing day: newest listing day first (most upvoted first
 * within a day), or most upvoted first. The day, week and month lists are this list with their navigation.
 */
export function featuredList(database: Database, request: FeaturedListRequest): Promise<PaperList> {
  const query = { ...(request.period ?? EVERY_DAY), sort: request.sort, submitter: request.submitter };
  return featuredPage(database, query, request, periodHeading(request.period, request.sort));
}

/** The most papers one list export (BibTeX) holds; a month of a busy instance stays well under it. */
export const LIST_EXPORT_LIMIT = 20_000;
const EXPORT_CHUNK = 1000;

/** Every featured paper of a period, newest day first, read a chunk at a time. */
export async function everyFeaturedPaper(database: Database, period: Period): Promise<PaperSummary[]> {
  const papers: PaperSummary[] = [];
  for (let page = 1; papers.length < LIST_EXPORT_LIMIT; page += 1) {
    const ids = await featuredIds(
      database,
      { ...period, sort: "featured" },
      {
        offset: (page - 1) * EXPORT_CHUNK,
        limit: EXPORT_CHUNK,
      },
    );
    papers.push(...(await getSummaries(database, ids)));
    if (ids.length < EXPORT_CHUNK) break;
  }
  return papers;
}
