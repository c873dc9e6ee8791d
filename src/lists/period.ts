import type { Day } from "../core/listing-day.js";
import type { Period } from "../core/periods.js";
import { shiftPeriod } from "../core/periods.js";
import type { Database } from "../storage/database.js";
import { type FeaturedSort, latestListingDayIn } from "../storage/featured.js";
import { featuredList } from "./featured.js";
import type { PageRequest, PaperList } from "./paper-list.js";

export const PERIOD_PAGE_SIZE = 50;

/** A week's or a month's featured papers, with the periods before and after it. */
export interface PeriodList extends PaperList {
  readonly period: Period;
  readonly sort: FeaturedSort;
  readonly previous: Period;
  readonly next: Period;
  /** The period's latest listing day that has papers (where its "Daily" tab leads), or null. */
  readonly lastDay: Day | null;
}

/** One page of the papers featured in a week or month: most upvoted first, or newest day first. */
export async function periodList(
  database: Database,
  period: Period,
  request: PageRequest & { readonly sort: FeaturedSort },
): Promise<PeriodList> {
  const [list, lastDay] = await Promise.all([
    featuredList(database, { ...request, period }),
    latestListingDayIn(database, period.first, period.last),
  ]);
  return {
    ...list,
    period,
    sort: request.sort,
    previous: shiftPeriod(period, -1),
    next: shiftPeriod(period, 1),
    lastDay,
  };
}
