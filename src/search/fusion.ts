/** Reciprocal rank fusion's parameters. */
export interface FusionParameters {
  /** Dampens the head of each list: larger k flattens the difference between ranks 1 and 10. */
  readonly k: number;
  /** How much a keyword rank counts against a semantic rank. */
  readonly keywordWeight: number;
  readonly semanticWeight: number;
}

/** Chosen on the SciFact train queries (bench/search-quality.bench.ts prints the grid it was chosen from). */
export const DEFAULT_FUSION: FusionParameters = Object.freeze({ k: 60, keywordWeight: 1, semanticWeight: 1 });

/**
 * Weighted reciprocal rank fusion: each list adds weight / (k + rank) to its items (rank from 1); ties keep the
 * keyword order, then the semantic order.
 */
export function fuseRankings(
  keyword: readonly string[],
  semantic: readonly string[],
  parameters: FusionParameters = DEFAULT_FUSION,
): string[] {
  const scores = new Map<string, number>();
  const add = (ids: readonly string[], weight: number) => {
    ids.forEach((id, index) => {
      scores.set(id, (scores.get(id) ?? 0) + weight / (parameters.k + index + 1));
    });
  };
  add(keyword, parameters.keywordWeight);
  add(semantic, parameters.semanticWeight);
  return [...scores.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
}
