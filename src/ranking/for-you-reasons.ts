import type { ForYouReason, LikeSignal } from "./for-you.js";
import { FEATURE_SLOTS } from "./for-you-features.js";
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
 * The reader's liked papers, laid out so the most similar one to a candidate is found fast: the hashed features
 * (terms, authors, categories) as postings, walked once per candidate feature; the embedder's components, which
 * every paper has, as one dense row per liked paper. A candidate then costs one pass over its own features and
 * one dense product per liked paper, with no allocation beyond two typed arrays.
 */
export class LikedIndex {
  private readonly postings = new Map<number, { liked: number[]; value: number[] }>();
  private readonly dense: Float32Array;

  /** `dimensions`: the embedder's, whose components follow the hashed slots in every feature vector. */
  constructor(
    private readonly liked: readonly LikedPaper[],
    private readonly dimensions: number,
  ) {
    this.dense = new Float32Array(liked.length * dimensions);
    liked.forEach((paper, i) => {
      this.add(i, paper.features);
    });
  }

  private add(liked: number, features: SparseVector): void {
    for (let p = 0; p < features.index.length; p += 1) {
      const id = features.index[p] ?? 0;
      const value = features.value[p] ?? 0;
      if (id >= FEATURE_SLOTS) {
        if (id - FEATURE_SLOTS < this.dimensions)
          this.dense[liked * this.dimensions + id - FEATURE_SLOTS] = value;
        continue;
      }
      const list = this.postings.get(id) ?? { liked: [], value: [] };
      list.liked.push(liked);
      list.value.push(value);
      this.postings.set(id, list);
    }
  }

  /** Each liked paper's dot product with the candidate, in the features' own units. */
  private similarities(candidate: SparseVector): Float64Array {
    const similarity = new Float64Array(this.liked.length);
    const component = new Float64Array(this.dimensions);
    for (let p = 0; p < candidate.index.length; p += 1) {
      const id = candidate.index[p] ?? 0;
      const value = candidate.value[p] ?? 0;
      if (id >= FEATURE_SLOTS) {
        if (id - FEATURE_SLOTS < this.dimensions) component[id - FEATURE_SLOTS] = value;
        continue;
      }
      const list = this.postings.get(id);
      if (!list) continue;
      for (let k = 0; k < list.liked.length; k += 1) {
        const i = list.liked[k] ?? 0;
        similarity[i] = (similarity[i] ?? 0) + value * (list.value[k] ?? 0);
      }
    }
    for (let i = 0, row = 0; i < this.liked.length; i += 1, row += this.dimensions) {
      let sum = 0;
      for (let d = 0; d < this.dimensions; d += 1) sum += (this.dense[row + d] ?? 0) * (component[d] ?? 0);
      similarity[i] = (similarity[i] ?? 0) + sum;
    }
    return similarity;
  }

  /** "Like *X* you upvoted" for the most similar liked paper, or null when none is similar enough. */
  reasonFor(candidate: SparseVector, skip: string): ForYouReason | null {
    const similarity = this.similarities(candidate);
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
