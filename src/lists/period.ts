import type { Day } from "../core/listing-day.js";
import { type Period, periodHolding } from "../core/periods.js";
import type { Database } from "../storage/database.js";
import { type FeaturedSort, latestListingDayIn, neighbourDays } from "../storage/featured.js";
import { featuredList } from "./featured.js";
import type { PageRequest, PaperList } from "./paper-list.js";

export const PERIOD_PAGE_SIZE = 50;

/**
 * A week's or a month's featured papers, with the nearest periods before and after it that have papers (null
 * where none has), as a day page links the nearest days: no link leads to an empty period.
 */
export interface PeriodList extends PaperList {
  readonly period: Period;
  readonly sort: FeaturedSort;
  readonly previous: Period | null;
  readonly next: Period | null;
  /** The period's latest listing day that has papers (where its "Daily" tab leads), or null. */
  readonly lastDay: Day | null;
}

/** One page of the papers featured in a week or month: most upvoted first, or newest day first. */
export async function periodList(
  database: Database,
  period: Period,
  request: PageRequest & { readonly sort: FeaturedSort },
): Promise<PeriodList> {
  const [list, lastDay, neighbours] = await Promise.all([
    featuredList(database, { ...request, period }),
    latestListingDayIn(database, period.first, period.last),
    neighbourDays(database, period.first, period.last),
  ]);
  const periodOf = (day: Day | null) => (day === null ? null : periodHolding(period, day));
  return {
    ...list,
    period,
    sort: request.sort,
    previous: periodOf(neighbours.previous),
    next: periodOf(neighbours.next),
    lastDay,
  };
}
