/** A ranked list with a relevance score per item (higher is better), as each ranking produces it. */
export interface Scored {
  readonly ids: readonly string[];
  readonly scores: readonly number[];
}

/**
 * How keyword and semantic rankings are fused. `convex` mixes the two lists' normalised scores
 * (keyword / its best, semantic min-max), `weight` going to keyword; `rrf` is weighted reciprocal rank fusion,
 * weight / (k + rank) per list. Convex fusion won on SciFact train, where the LSA ranking alone is much weaker
 * than BM25 and RRF's rank-only view let it pull good keyword hits down (bench/search-quality.bench.ts).
 */
export type FusionParameters =
  | { readonly method: "convex"; readonly keywordWeight: number }
  | { readonly method: "rrf"; readonly k: number; readonly keywordWeight: number };

export const DEFAULT_FUSION: FusionParameters = Object.freeze({ method: "convex", keywordWeight: 0.7 });

export function fuseRankings(
  keyword: Scored,
  semantic: Scored,
  parameters: FusionParameters = DEFAULT_FUSION,
): string[] {
  const scores = new Map<string, number>();
  const add = (id: string, value: number): void => {
    scores.set(id, (scores.get(id) ?? 0) + value);
  };
  const w = parameters.keywordWeight;
  const keywordPart = parameters.method === "rrf" ? rrf(keyword, parameters.k) : overBest(keyword);
  const semanticPart = parameters.method === "rrf" ? rrf(semantic, parameters.k) : minMax(semantic);
  keyword.ids.forEach((id, i) => {
    add(id, w * (keywordPart[i] ?? 0));
  });
  semantic.ids.forEach((id, i) => {
    add(id, (1 - w) * (semanticPart[i] ?? 0));
  });
  // A stable sort keeps the keyword order, then the semantic order, among equal scores.
  return [...scores.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
}

function rrf(list: Scored, k: number): number[] {
  return list.ids.map((_, i) => 1 / (k + i + 1));
}

function overBest(list: Scored): number[] {
  const best = Math.max(0, ...list.scores);
  return list.scores.map((score) => (best > 0 ? score / best : 0));
}

function minMax(list: Scored): number[] {
  const low = Math.min(...list.scores);
  const span = Math.max(...list.scores) - low;
  return list.scores.map((score) => (span > 0 ? (score - low) / span : 0));
}
