import type { ForYouReason, LikeSignal } from "./for-you.js";
import type { SparseVector } from "./for-you-svm.js";

/**
 * A liked paper is named as the reason for a pick ("like *Paper X* you upvoted") only when the two are at least
 * this similar, in the features' own units: sharing one author of three, or a close topic (term cosine 0.2 plus
 * vector cosine 0.3), is enough; a paper merely from the same field is not.
 */
export const LIKE_REASON_MIN_SIMILARITY = 0.5;

export interface LikedPaper {
  readonly paperId: string;
  readonly title: string;
  readonly signal: LikeSignal;
  readonly features: SparseVector;
}

/**
 * The reader's liked papers indexed by feature, so the most similar one to a candidate is found by walking the
 * candidate's features once rather than comparing it with every liked paper.
 */
export class LikedIndex {
  private readonly postings = new Map<number, { liked: number; value: number }[]>();

  constructor(private readonly liked: readonly LikedPaper[]) {
    liked.forEach((paper, i) => {
      paper.features.index.forEach((id, p) => {
        const list = this.postings.get(id) ?? [];
        list.push({ liked: i, value: paper.features.value[p] ?? 0 });
        this.postings.set(id, list);
      });
    });
  }

  /** "Like *X* you upvoted" for the most similar liked paper, or null when none is similar enough. */
  reasonFor(candidate: SparseVector, skip: string): ForYouReason | null {
    const similarity = new Float64Array(this.liked.length);
    candidate.index.forEach((id, p) => {
      const value = candidate.value[p] ?? 0;
      for (const posting of this.postings.get(id) ?? [])
        similarity[posting.liked] = (similarity[posting.liked] ?? 0) + value * posting.value;
    });
    let best = -1;
    similarity.forEach((s, i) => {
      if (this.liked[i]?.paperId === skip) return;
      if (s >= LIKE_REASON_MIN_SIMILARITY && (best < 0 || s > (similarity[best] ?? 0))) best = i;
    });
    const paper = this.liked[best];
    return paper ? { kind: "like", paperId: paper.paperId, title: paper.title, signal: paper.signal } : null;
  }
}

/** A reason in words, as lists, feeds and mail show it. */
export function describeReason(reason: ForYouReason): string {
  switch (reason.kind) {
    case "like":
      return `like “${reason.title}”, which you ${reason.signal === "upvote" ? "upvoted" : "saved"}`;
    case "author":
      return `by ${reason.name}, whom you follow`;
    case "category":
      return `you follow ${reason.category}`;
    case "trending":
      return "trending now";
  }
}
