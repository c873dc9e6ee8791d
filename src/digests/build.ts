import { type Follow, formatFollow } from "../core/follows.js";
import type { PaperSummary } from "../core/paper.js";
import type { Period } from "../core/periods.js";
import type { Subscription } from "../storage/subscriptions.js";
import type { Digest } from "./digest.js";
import { type FollowMatches, pickPapers } from "./pick.js";
import { digestReason } from "./reason.js";
import { followIds, type PaperSource } from "./sources.js";

/** How many ranked candidates each follow offers: enough to fill a digest after skipping papers already sent. */
export const CANDIDATES_PER_FOLLOW = 100;
const DEFAULT_FOLLOWS: readonly Follow[] = [{ kind: "trending" }];

/**
 * Builds digests for one period. Every follow's ranking and every paper is fetched once per run and shared by
 * all subscriptions, which is what keeps ten thousand digests cheap.
 */
export class DigestBuilder {
  readonly #rankings = new Map<string, Promise<string[]>>();
  readonly #papers = new Map<string, PaperSummary>();

  constructor(
    readonly source: PaperSource,
    readonly period: Period,
  ) {}

  /** Each follow's ranked candidates (trending when the subscription follows nothing). */
  async matches(subscription: Subscription): Promise<FollowMatches[]> {
    const follows = subscription.follows.length > 0 ? subscription.follows : DEFAULT_FOLLOWS;
    return Promise.all(
      follows.map(async (follow) => ({ follow: formatFollow(follow), ids: await this.#ranking(follow) })),
    );
  }

  async build(
    subscription: Subscription,
    matches: readonly FollowMatches[],
    sent: ReadonlySet<string>,
  ): Promise<Digest> {
    const picked = pickPapers(matches, sent, subscription.paperCount);
    const papers = await this.#summaries(picked.map((p) => p.paperId));
    const items = picked.flatMap((p) => {
      const paper = papers.get(p.paperId);
      return paper ? [{ paper, because: digestReason(p.because, paper) }] : [];
    });
    return { email: subscription.email, period: this.period, items };
  }

  #ranking(follow: Follow): Promise<string[]> {
    const key = formatFollow(follow);
    let ranking = this.#rankings.get(key);
    if (!ranking) {
      ranking = followIds(this.source, this.period, follow, CANDIDATES_PER_FOLLOW);
      this.#rankings.set(key, ranking);
    }
    return ranking;
  }

  async #summaries(ids: readonly string[]): Promise<Map<string, PaperSummary>> {
    const missing = ids.filter((id) => !this.#papers.has(id));
    for (const paper of await this.source.summaries(missing)) this.#papers.set(paper.id, paper);
    return this.#papers;
  }
}
