/** A ranked list with a relevance score per item (higher is better), as each ranking produces it. */
export interface Scored {
  readonly ids: readonly string[];
  readonly scores: readonly number[];
}

/**
 * How keyword and semantic rankings are fused. `zscore` standardises each list's scores (minus its mean, over
 * its standard deviation) and mixes them, `keywordWeight` going to keyword; `convex` mixes keyword scores over
 * their best with min-max semantic scores; `rrf` is weighted reciprocal rank fusion, weight / (k + rank) per
 * list. An item missing from one list gets that list's lowest normalised score (0 at most).
 */
export type FusionParameters =
  | { readonly method: "zscore" | "convex"; readonly keywordWeight: number }
  | { readonly method: "rrf"; readonly k: number; readonly keywordWeight: number };

export function fuseRankings(keyword: Scored, semantic: Scored, parameters: FusionParameters): string[] {
  const w = parameters.keywordWeight;
  const keywordPart = normalised(keyword, parameters, "keyword");
  const semanticPart = normalised(semantic, parameters, "semantic");
  const keywordFloor = Math.min(0, ...keywordPart.values());
  const semanticFloor = Math.min(0, ...semanticPart.values());
  const ids = [...new Set([...keyword.ids, ...semantic.ids])];
  const fused = ids.map((id) => ({
    id,
    score: w * (keywordPart.get(id) ?? keywordFloor) + (1 - w) * (semanticPart.get(id) ?? semanticFloor),
  }));
  // A stable sort keeps the keyword order, then the semantic order, among equal scores.
  return fused.sort((a, b) => b.score - a.score).map((item) => item.id);
}

function normalised(list: Scored, parameters: FusionParameters, side: "keyword" | "semantic") {
  const scores =
    parameters.method === "rrf"
      ? list.ids.map((_, i) => 1 / (parameters.k + i + 1))
      : parameters.method === "zscore"
        ? standardised(list.scores)
        : side === "keyword"
          ? overBest(list.scores)
          : minMax(list.scores);
  return new Map(list.ids.map((id, i) => [id, scores[i] ?? 0]));
}

function standardised(scores: readonly number[]): number[] {
  const mean = scores.reduce((sum, x) => sum + x, 0) / Math.max(1, scores.length);
  const variance = scores.reduce((sum, x) => sum + (x - mean) ** 2, 0) / Math.max(1, scores.length);
  const deviation = Math.sqrt(variance);
  return scores.map((x) => (deviation > 0 ? (x - mean) / deviation : 0));
}

function overBest(scores: readonly number[]): number[] {
  const best = Math.max(0, ...scores);
  return scores.map((score) => (best > 0 ? score / best : 0));
}

function minMax(scores: readonly number[]): number[] {
  const low = Math.min(...scores);
  const span = Math.max(...scores) - low;
  return scores.map((score) => (span > 0 ? (score - low) / span : 0));
}
