import type { Period } from "../core/periods.js";
import type { ForYouRanking } from "../for-you/service.js";
import { describeReason } from "../ranking/for-you-reasons.js";
import type { Database } from "../storage/database.js";
import { sentAmong } from "../storage/deliveries.js";
import { papersOfDays } from "../storage/for-you-papers.js";

/** What digests need of For you: one reader's ranking of some candidate papers (ForYouService.rank). */
export interface ForYouRanker {
  rank(accountId: number, candidateIds: readonly string[]): Promise<ForYouRanking>;
}

/** One reader's For you over a period: paper ids best first, and why each is there, in words. */
export interface ForYouMatches {
  readonly ids: readonly string[];
  readonly reasons: ReadonlyMap<string, string>;
}

export const NO_FOR_YOU: ForYouMatches = { ids: [], reasons: new Map() };

/** Said beside a pick that has no reason of its own (the model liked it without one liked paper close by). */
export const PLAIN_FOR_YOU_REASON = "for you, from your signals";

/** Whose For you: the account, and the subscription whose digests must not repeat a paper (null for a feed). */
export interface ForYouReader {
  readonly accountId: number;
  readonly subscriptionId: number | null;
}

/**
 * The follow `for-you`: the reader's top papers among the period's (the same candidates and order as
 * /papers/for-you over those days). Papers they already liked or rejected are never offered, nor papers ever
 * sent to the subscription: a new paper nobody featured is no featured paper of any period, so the digests'
 * own check by period cannot see it.
 */
export async function forYouMatches(
  database: Database,
  forYou: ForYouRanker,
  period: Pick<Period, "first" | "last">,
  reader: ForYouReader,
  limit: number,
): Promise<ForYouMatches> {
  const candidates = await papersOfDays(database, period.first, period.last);
  const sent =
    reader.subscriptionId === null ? new Set() : await sentAmong(database, reader.subscriptionId, candidates);
  const fresh = candidates.filter((id) => !sent.has(id));
  const ranking = await forYou.rank(reader.accountId, fresh);
  const picks = ranking.picks.slice(0, limit);
  const reasons = new Map(
    picks.map((pick) => {
      const why = ranking.reasons(pick.paperId);
      return [pick.paperId, why.length > 0 ? why.map(describeReason).join("; ") : PLAIN_FOR_YOU_REASON];
    }),
  );
  return { ids: picks.map((pick) => pick.paperId), reasons };
}
