import { LRUCache } from "lru-cache";
import { addDays, type Day } from "../core/listing-day.js";
import type { PaperSummary } from "../core/paper.js";
import type { ForYouService } from "../for-you/service.js";
import type { ForYouReason } from "../ranking/for-you.js";
import { latestArxivDay } from "../storage/announcements.js";
import type { Database } from "../storage/database.js";
import { latestListingDay } from "../storage/featured.js";
import { papersOfDays } from "../storage/for-you-papers.js";
import { getSummaries } from "../storage/papers.js";
import { offsetOf, type PageRequest, type PaperList, paperList } from "./paper-list.js";

/** Days For you looks back over by default: the last few days' papers, as a reader catches up after a weekend. */
export const FOR_YOU_DAYS = 3;
export const MAX_FOR_YOU_DAYS = 14;
export const FOR_YOU_PAGE_SIZE = 30;
export const MAX_FOR_YOU_LIMIT = 100;

export interface ForYouDeps {
  readonly database: Database;
  readonly forYou: ForYouService;
}

export interface ForYouSpan {
  /** The last day of the span; the newest day with papers when null. */
  readonly date: Day | null;
  readonly days: number;
}

/** Why one paper is in a reader's For you, and its score (margin units, see ranking/for-you.ts). */
export interface ForYouWhy {
  readonly score: number;
  readonly reasons: readonly ForYouReason[];
}

/** The best of the span's papers for one reader, with why each is there. */
export interface ForYouList extends PaperList {
  readonly first: Day | null;
  readonly last: Day | null;
  readonly coldStart: boolean;
  readonly signalCount: number;
  readonly why: ReadonlyMap<string, ForYouWhy>;
}

const newest = (days: readonly (Day | null)[]): Day | null =>
  days.reduce<Day | null>((a, b) => (a === null || (b !== null && b > a) ? b : a), null);

async function span(database: Database, request: ForYouSpan) {
  const last =
    request.date ?? newest(await Promise.all([latestListingDay(database), latestArxivDay(database)]));
  return { first: last === null ? null : addDays(last, 1 - request.days), last };
}

/**
 * One page of a reader's For you over the span's papers: every paper they have not rated yet, best first. It is
 * theirs alone: it has no public feed (their personal feed carries it through the digest follow `for-you`).
 * Kept until something is written (their signals, new papers, anyone's upvote), so a page asked again costs a
 * look at the data version.
 */
export async function forYouList(
  deps: ForYouDeps,
  accountId: number,
  request: ForYouSpan & PageRequest,
): Promise<ForYouList> {
  const version = await deps.forYou.version();
  const kept = keptLists(deps.forYou);
  const key = `${accountId} ${request.date} ${request.days} ${request.page} ${request.size}`;
  const found = kept.get(key);
  if (found?.version === version) return found.list;
  const list = await freshList(deps, accountId, request);
  kept.set(key, { version, list });
  return list;
}

/** Lists kept per reader and request while For you's version (ForYouService.version) stands, per instance. */
const keptByInstance = new WeakMap<ForYouService, LRUCache<string, { version: string; list: ForYouList }>>();
/** Pages kept: a reader has a few (a page or two of a span, the API's answer). */
const KEPT_LISTS = 4000;

function keptLists(forYou: ForYouService) {
  let lists = keptByInstance.get(forYou);
  if (!lists) {
    lists = new LRUCache({ max: KEPT_LISTS });
    keptByInstance.set(forYou, lists);
  }
  return lists;
}

async function freshList(
  deps: ForYouDeps,
  accountId: number,
  request: ForYouSpan & PageRequest,
): Promise<ForYouList> {
  const { first, last } = await span(deps.database, request);
  const candidates = first === null || last === null ? [] : await papersOfDays(deps.database, first, last);
  const ranking = await deps.forYou.rank(accountId, candidates);
  const picks = ranking.picks.slice(offsetOf(request), offsetOf(request) + request.size);
  const papers: PaperSummary[] = await getSummaries(
    deps.database,
    picks.map((p) => p.paperId),
  );
  const query = `${request.date ? `date=${request.date}&` : ""}days=${request.days}`;
  const heading = {
    title: "For you",
    description: "The best of the last days' papers for you, learnt from your own signals",
    pagePath: `/papers/for-you?${query}`,
    feedPath: "",
  };
  return {
    ...paperList(heading, request, papers, ranking.picks.length),
    first,
    last,
    coldStart: ranking.coldStart,
    signalCount: ranking.signalCount,
    why: new Map(picks.map((p) => [p.paperId, { score: p.score, reasons: ranking.reasons(p.paperId) }])),
  };
}
