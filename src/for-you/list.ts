import { addDays, type Day } from "../core/listing-day.js";
import type { ForYouReason } from "../ranking/for-you.js";
import type { Database } from "../storage/database.js";
import { papersOfDays } from "../storage/for-you-papers.js";
import { getSummaries, latestListingDay, type PaperSummary } from "../storage/papers.js";
import type { ForYouService } from "./service.js";

/** Days For you looks back over by default: the last few days' papers, as a reader catches up after a weekend. */
export const FOR_YOU_DAYS = 3;
export const MAX_FOR_YOU_DAYS = 14;
export const FOR_YOU_LIMIT = 30;
export const MAX_FOR_YOU_LIMIT = 100;

export interface ForYouDeps {
  readonly database: Database;
  readonly forYou: ForYouService;
}

export interface ForYouRequest {
  /** The last day of the span; the newest day with papers when null. */
  readonly date: Day | null;
  readonly days: number;
  readonly limit: number;
}

export interface ForYouItem {
  readonly paper: PaperSummary;
  readonly score: number;
  readonly reasons: readonly ForYouReason[];
}

/** The best of the span's papers for one reader, with why each is there. */
export interface ForYouList {
  readonly first: Day | null;
  readonly last: Day | null;
  readonly coldStart: boolean;
  readonly signalCount: number;
  /** Papers of the span the reader has not rated yet: the whole ranking's length. */
  readonly total: number;
  readonly items: readonly ForYouItem[];
}

export async function forYouList(
  deps: ForYouDeps,
  accountId: number,
  request: ForYouRequest,
): Promise<ForYouList> {
  const last = request.date ?? (await latestListingDay(deps.database));
  const first = last === null ? null : addDays(last, 1 - request.days);
  const candidates = first === null || last === null ? [] : await papersOfDays(deps.database, first, last);
  const ranking = await deps.forYou.rank(accountId, candidates);
  const top = ranking.picks.slice(0, request.limit);
  const papers = new Map(
    (
      await getSummaries(
        deps.database,
        top.map((p) => p.paperId),
      )
    ).map((p) => [p.id, p]),
  );
  const items = top.flatMap((pick) => {
    const paper = papers.get(pick.paperId);
    return paper ? [{ paper, score: pick.score, reasons: pick.reasons }] : [];
  });
  return {
    first,
    last,
    coldStart: ranking.coldStart,
    signalCount: ranking.signalCount,
    total: ranking.picks.length,
    items,
  };
}
