import { notFound } from "../core/errors.js";
import type { Day } from "../core/listing-day.js";
import type { Paper } from "../core/paper.js";
import type { Database } from "../storage/database.js";
import {
  getPaper,
  latestListingDay,
  listFeatured,
  neighbourDays,
  type PaperSummary,
} from "../storage/papers.js";

export const DAY_PAGE_SIZE = 50;

export interface DayList {
  readonly day: Day;
  readonly papers: readonly PaperSummary[];
  readonly total: number;
  readonly page: number;
  readonly pageCount: number;
  readonly previousDay: Day | null;
  readonly nextDay: Day | null;
}

/** One page of a listing day, with the neighbouring days that have papers. */
export async function dayList(database: Database, day: Day, page: number): Promise<DayList> {
  const [list, neighbours] = await Promise.all([
    listFeatured(database, {
      first: day,
      last: day,
      offset: (page - 1) * DAY_PAGE_SIZE,
      limit: DAY_PAGE_SIZE,
    }),
    neighbourDays(database, day),
  ]);
  const pageCount = Math.max(1, Math.ceil(list.total / DAY_PAGE_SIZE));
  return {
    day,
    papers: list.items,
    total: list.total,
    page,
    pageCount,
    previousDay: neighbours.previous,
    nextDay: neighbours.next,
  };
}

/** The latest listing day that has papers, or null on an empty instance. */
export function currentDay(database: Database): Promise<Day | null> {
  return latestListingDay(database);
}

export async function paperById(database: Database, id: string): Promise<Paper> {
  const paper = await getPaper(database, id);
  if (!paper) throw notFound(`No paper ${id} is known here. Submit it to fetch it from arXiv.`);
  return paper;
}
