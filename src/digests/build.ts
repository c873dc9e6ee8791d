import { type Follow, formatFollow } from "../core/follows.js";
import type { PaperSummary } from "../core/paper.js";
import type { Period } from "../core/periods.js";
import type { Subscription } from "../storage/subscriptions.js";
import type { Digest, DigestItem } from "./digest.js";
import { PLAIN_FOR_YOU_REASON } from "./for-you-follow.js";
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
  /** Each subscription's For you reasons, by paper, from its last `matches`. */
  readonly #forYou = new Map<number, ReadonlyMap<string, string>>();

  /** `skipSent`: a digest never repeats a paper (a feed, which sends nothing, does not ask). */
  constructor(
    readonly source: PaperSource,
    readonly period: Period,
    readonly skipSent = true,
  ) {}

  /**
   * Each follow's ranked candidates (trending when the subscription follows nothing). `for-you` ranks for the
   * subscription's account alone; a subscription without an account has no For you.
   */
  async matches(subscription: Subscription): Promise<FollowMatches[]> {
    const follows = subscription.follows.length > 0 ? subscription.follows : DEFAULT_FOLLOWS;
    return Promise.all(
      follows.map(async (follow) => ({
        follow: formatFollow(follow),
        ids: follow.kind === "for-you" ? await this.#forYouIds(subscription) : await this.#ranking(follow),
      })),
    );
  }

  async build(
    subscription: Subscription,
    matches: readonly FollowMatches[],
    sent: ReadonlySet<string>,
  ): Promise<Digest> {
    const picked = pickPapers(matches, sent, subscription.paperCount);
    const papers = await this.#summaries(picked.map((p) => p.paperId));
    const forYou = this.#forYou.get(subscription.id) ?? new Map<string, string>();
    const items = picked.flatMap((p): DigestItem[] => {
      const paper = papers.get(p.paperId);
      if (!paper) return [];
      if (p.because !== "for-you") return [{ paper, because: digestReason(p.because, paper) }];
      return [{ paper, because: forYou.get(p.paperId) ?? PLAIN_FOR_YOU_REASON, forYou: true }];
    });
    // For you is the digest's own first section; the other follows keep their turns after it.
    const ordered = [...items.filter((i) => i.forYou), ...items.filter((i) => !i.forYou)];
    return { email: subscription.email, period: this.period, items: ordered };
  }

  async #forYouIds(subscription: Subscription): Promise<readonly string[]> {
    if (subscription.userId === null) return [];
    const reader = { accountId: subscription.userId, subscriptionId: this.skipSent ? subscription.id : null };
    const matches = await this.source.forYou(this.period, reader, CANDIDATES_PER_FOLLOW);
    this.#forYou.set(subscription.id, matches.reasons);
    return matches.ids;
  }

  #ranking(follow: Exclude<Follow, { kind: "for-you" }>): Promise<string[]> {
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
