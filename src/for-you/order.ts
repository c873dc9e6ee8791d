import type { ForYouReason } from "../ranking/for-you.js";
import type { ForYouService } from "./service.js";

/** Some papers in one reader's For you order, with why each stands where it does. */
export interface ForYouOrder {
  /** The ids given, each once, best first for the reader; ties keep the order they came in. */
  readonly ids: readonly string[];
  /** Too few signals to learn from: the order is followed categories and authors first, then trending. */
  readonly coldStart: boolean;
  /** Each paper's score (margin units, see ranking/for-you.ts) and reasons; a paper For you cannot read has none. */
  readonly why: ReadonlyMap<string, { readonly score: number; readonly reasons: readonly ForYouReason[] }>;
}

export interface ForYouOrderDeps {
  readonly forYou: ForYouService;
}

/**
 * Sorts a list a reader goes through in full (a day's new papers in the triage view) by For you. Unlike the For
 * you list, no paper is left out: papers the reader already liked or rejected are ranked like the others, so
 * the view decides what to hide. Ties, and a cold start where nothing sets papers apart, keep the given order
 * (arXiv's, for a day's new papers).
 */
export async function forYouOrder(
  deps: ForYouOrderDeps,
  accountId: number,
  paperIds: readonly string[],
): Promise<ForYouOrder> {
  const ranking = await deps.forYou.rank(accountId, paperIds, true);
  const why = new Map(
    ranking.picks.map((p) => [p.paperId, { score: p.score, reasons: ranking.reasons(p.paperId) }]),
  );
  const given = [...new Set(paperIds)];
  const place = new Map(given.map((id, i) => [id, i]));
  const score = (id: string) => why.get(id)?.score ?? Number.NEGATIVE_INFINITY;
  const ids = given.sort((a, b) => score(b) - score(a) || (place.get(a) ?? 0) - (place.get(b) ?? 0));
  return { ids, coldStart: ranking.coldStart, why };
}
