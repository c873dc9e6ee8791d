import type { Day } from "../core/listing-day.js";
import type { PaperSummary } from "../core/paper.js";
import {
  latestArxivDay,
  type NewPapersScope,
  neighbourArxivDays,
  newPaperCategoryCounts,
  newPaperIds,
} from "../storage/announcements.js";
import type { CategoryCount } from "../storage/categories.js";
import type { Database } from "../storage/database.js";
import { countFeatured } from "../storage/featured.js";
import { getSummaries } from "../storage/papers.js";

/** A day's new papers as one reader triages them: all on one page, in arXiv order. */
export interface NewPapersList {
  readonly day: Day;
  readonly papers: readonly PaperSummary[];
  /** New papers in every category before the reader's filters. */
  readonly dayTotal: number;
  readonly categories: readonly CategoryCount[];
  readonly category: string | null;
  readonly unseenOnly: boolean;
  /** Papers of the day featured on its listing day (the curated list of the same date). */
  readonly featured: number;
  readonly previousDay: Day | null;
  readonly nextDay: Day | null;
}

export interface NewPapersRequest {
  readonly day: Day;
  readonly category: string | null;
  readonly reader: { readonly accountId: number; readonly unseenOnly: boolean } | null;
}

export async function newPapersList(database: Database, request: NewPapersRequest): Promise<NewPapersList> {
  const scope: NewPapersScope = request;
  const [ids, dayIds, categories, neighbours, featured] = await Promise.all([
    newPaperIds(database, scope),
    newPaperIds(database, { day: request.day }),
    newPaperCategoryCounts(database, { day: request.day, reader: request.reader }),
    neighbourArxivDays(database, request.day),
    countFeatured(database, { first: request.day, last: request.day }),
  ]);
  return {
    day: request.day,
    papers: await getSummaries(database, ids),
    dayTotal: dayIds.length,
    categories,
    category: request.category,
    unseenOnly: request.reader?.unseenOnly ?? false,
    featured,
    previousDay: neighbours.previous,
    nextDay: neighbours.next,
  };
}

/** The newest arXiv day with new papers here, or null when none is known. */
export function newestArxivDay(database: Database): Promise<Day | null> {
  return latestArxivDay(database);
}
