import { describe, expect, it } from "vitest";
import { seededRandom } from "../search/lsa/random.js";
import { FEATURE_SLOTS } from "./for-you-features.js";
import { LIKE_REASON_MIN_SIMILARITY, LikedIndex, type LikedPaper } from "./for-you-reasons.js";
import type { SparseVector } from "./for-you-svm.js";

const DIMENSIONS = 8;

/** A paper's features: a few hashed slots out of a small set, then the embedder's components. */
function features(random: () => number): SparseVector {
  const slots = [...new Set(Array.from({ length: 4 }, () => Math.floor(random() * 12)))];
  const dense = Array.from({ length: DIMENSIONS }, (_, d) => FEATURE_SLOTS + d);
  return {
    index: Int32Array.from([...slots, ...dense]),
    value: Float32Array.from([...slots, ...dense], () => random() - 0.3),
  };
}

/** The dot product as plainly as it can be written, to check the index against. */
function similarity(a: SparseVector, b: SparseVector): number {
  const values = new Map([...a.index].map((id, p) => [id, a.value[p] ?? 0]));
  return [...b.index].reduce((sum, id, p) => sum + (values.get(id) ?? 0) * (b.value[p] ?? 0), 0);
}

describe("LikedIndex", () => {
  const random = seededRandom(3);
  const liked: LikedPaper[] = Array.from({ length: 30 }, (_, i) => ({
    paperId: `2601.${String(i).padStart(5, "0")}`,
    title: `Liked ${i}`,
    signal: i % 3 === 0 ? "save" : "upvote",
    features: features(random),
  }));
  const index = new LikedIndex(liked, DIMENSIONS);

  it("names the most similar liked paper when it is similar enough, and none otherwise", () => {
    let named = 0;
    for (let n = 0; n < 200; n += 1) {
      const candidate = features(random);
      const scores = liked.map((paper) => similarity(paper.features, candidate));
      const best = scores.indexOf(Math.max(...scores));
      const reason = index.reasonFor(candidate, "none");
      if ((scores[best] ?? 0) < LIKE_REASON_MIN_SIMILARITY) {
        expect(reason).toBeNull();
        continue;
      }
      named += 1;
      const paper = liked[best];
      expect(reason).toEqual({
        kind: "like",
        paperId: paper?.paperId,
        title: paper?.title,
        signal: paper?.signal,
      });
    }
    expect(named).toBeGreaterThan(20);
  });

  it("never names the candidate itself", () => {
    const self = liked[4] as LikedPaper;
    const reason = index.reasonFor(self.features, self.paperId);
    expect(reason?.kind === "like" ? reason.paperId : null).not.toBe(self.paperId);
  });
});
