import { normalize } from "./embedders/embedder.js";
import type { FusionParameters } from "./fusion.js";

/**
 * Every parameter of hybrid ranking, in one place. Tuned on the SciFact train queries only (809 claims, 5,183
 * abstracts; bench/search-quality.bench.ts prints the grid), with the built-in 256-dimension LSA embedder:
 * nDCG@10 keyword alone 0.708, LSA alone 0.535, the LSA query fed back with the best keyword hit 0.696, and
 * z-score fusion of keyword (weight 0.6) with that fed-back ranking 0.719 (Recall@100 0.930 -> 0.948).
 * Convex fusion (0.716 at best) and RRF (0.716) did worse; without feedback no fusion beat keyword alone;
 * feeding back more than one paper did worse.
 */
export const HYBRID: Readonly<{
  /** How deep each ranking goes before fusion; pages beyond it come from the keyword ranking alone. */
  depth: number;
  fusion: FusionParameters;
  /** The best keyword hits whose vectors are mixed into the query's (pseudo-relevance feedback). */
  feedbackPapers: number;
  /** Their mean vector's weight against the query's own (both unit length). */
  feedbackWeight: number;
}> = Object.freeze({
  depth: 100,
  fusion: Object.freeze({ method: "zscore", keywordWeight: 0.6 }),
  feedbackPapers: 1,
  feedbackWeight: 1,
});

/** Papers whose vectors pull a query's vector towards them, and how hard. */
export interface Feedback {
  readonly papers: readonly string[];
  readonly weight: number;
}

export const NO_FEEDBACK: Feedback = Object.freeze({ papers: [], weight: 0 });

/**
 * The query vector plus `weight` times the mean of the feedback vectors, back to unit length. A query's few
 * words give LSA little to go on; the paper that matches them best says what they are about.
 */
export function withFeedback(
  query: Float32Array,
  vectors: readonly Float32Array[],
  weight: number,
): Float32Array {
  if (vectors.length === 0 || weight === 0) return query;
  const out = Float32Array.from(query);
  const share = weight / vectors.length;
  for (const vector of vectors)
    for (let i = 0; i < out.length; i += 1) out[i] = (out[i] ?? 0) + share * (vector[i] ?? 0);
  return normalize(out);
}
