import type { Day } from "../core/listing-day.js";
import { type ForYouOrder, type ForYouOrderDeps, forYouOrder } from "../for-you/order.js";
import {
  latestArxivDay,
  neighbourArxivDays,
  newPaperCategoryCounts,
  newPaperIds,
} from "../storage/announcements.js";
import type { CategoryCount } from "../storage/categories.js";
import type { Database } from "../storage/database.js";
import { countFeatured } from "../storage/featured.js";
import { getSummaries } from "../storage/papers.js";
import { type PaperList, paperList } from "./paper-list.js";

/** What the triage list reads: the database, and For you to sort a signed-in reader's day. */
export interface TriageListDeps extends ForYouOrderDeps {
  readonly database: Database;
}

export interface TriageRequest {
  readonly day: Day;
  readonly category: string | null;
  readonly reader: { readonly accountId: number; readonly unseenOnly: boolean } | null;
}

/** A day's new papers as one reader triages them, all on one page. */
export interface TriageList extends PaperList {
  readonly day: Day;
  /** New papers in every category before the reader's filters. */
  readonly dayTotal: number;
  readonly categories: readonly CategoryCount[];
  readonly category: string | null;
  readonly unseenOnly: boolean;
  /** Papers of the day featured on its listing day (the curated list of the same date). */
  readonly featured: number;
  readonly previousDay: Day | null;
  readonly nextDay: Day | null;
  /** The reader's For you order with its reasons; null for someone not signed in (arXiv order). */
  readonly forYou: ForYouOrder | null;
}

/**
 * A day's new papers for one reader: the filters applied, what they are not interested in left out, and sorted
 * For you when they are signed in; in arXiv order (arXiv numbers submissions as they come) otherwise.
 */
export async function triageList(deps: TriageListDeps, request: TriageRequest): Promise<TriageList> {
  const { database } = deps;
  const { day, reader } = request;
  const [ids, dayIds, categories, neighbours, featured] = await Promise.all([
    newPaperIds(database, request),
    newPaperIds(database, { day }),
    newPaperCategoryCounts(database, { day, reader }),
    neighbourArxivDays(database, day),
    countFeatured(database, { first: day, last: day }),
  ]);
  const forYou = reader ? await forYouOrder(deps, reader.accountId, ids) : null;
  const papers = await getSummaries(database, forYou ? forYou.ids : ids);
  const heading = {
    title: `New papers of ${day}`,
    description: `Every paper arXiv announced on ${day} that this instance holds, featured or not`,
    pagePath: `/papers/new/${day}`,
    feedPath: `/feeds/new/${day}`,
  };
  return {
    ...paperList(heading, { page: 1, size: Math.max(1, ids.length) }, papers, ids.length),
    day,
    dayTotal: dayIds.length,
    categories,
    category: request.category,
    unseenOnly: reader?.unseenOnly ?? false,
    featured,
    previousDay: neighbours.previous,
    nextDay: neighbours.next,
    forYou,
  };
}

/** The newest arXiv day with new papers here, or null when none is known. */
export function newestArxivDay(database: Database): Promise<Day | null> {
  return latestArxivDay(database);
}
