import type { Period } from "../core/periods.js";
import type { Database } from "../storage/database.js";
import { type ListSort, listFeatured, type PaperSummary } from "../storage/papers.js";

export const PERIOD_PAGE_SIZE = 50;

export interface PeriodList {
  readonly period: Period;
  readonly papers: readonly PaperSummary[];
  readonly total: number;
  readonly page: number;
  readonly pageCount: number;
}

/** One page of the papers featured in a week or month: most upvoted first, or newest day first. */
export async function periodList(
  database: Database,
  period: Period,
  page: number,
  sort: ListSort,
): Promise<PeriodList> {
  const list = await listFeatured(database, {
    first: period.first,
    last: period.last,
    offset: (page - 1) * PERIOD_PAGE_SIZE,
    limit: PERIOD_PAGE_SIZE,
    sort,
  });
  return {
    period,
    papers: list.items,
    total: list.total,
    page,
    pageCount: Math.max(1, Math.ceil(list.total / PERIOD_PAGE_SIZE)),
  };
}
