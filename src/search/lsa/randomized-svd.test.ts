import { describe, expect, it } from "vitest";
import { randomizedSvd } from "./randomized-svd.js";
import type { SparseRows } from "./sparse.js";

/** A rank-2 matrix with known singular values 3 and 1: rows are mixtures of two orthogonal term patterns. */
function rankTwo(): SparseRows {
  // Right singular vectors e1 = (1,1,0,0)/√2 and e2 = (0,0,1,1)/√2; left ones spread over 4 documents.
  const rows = [
    [3, 3, 1, 1],
    [3, 3, -1, -1],
    [3, 3, 1, 1],
    [3, 3, -1, -1],
  ].map((r) => r.map((x) => x / Math.SQRT2 / 2));
  const rowStart = new Int32Array([0, 4, 8, 12, 16]);
  const column = new Int32Array(Array.from({ length: 16 }, (_, i) => i % 4));
  const value = new Float32Array(rows.flat());
  return { rows: 4, columns: 4, rowStart, column, value };
}

describe("randomizedSvd", () => {
  // Each row projects 1.5 on e1 and ±0.5 on e2, so σ1 = √(4·1.5²) = 3 and σ2 = √(4·0.5²) = 1.
  it("recovers the singular values and right singular vectors of a low-rank matrix", () => {
    const svd = randomizedSvd(rankTwo(), { rank: 2, oversample: 2, powerIterations: 2, seed: 7 });
    expect(svd.singularValues[0]).toBeCloseTo(3, 4);
    expect(svd.singularValues[1]).toBeCloseTo(1, 4);
    const first = Array.from(
      svd.components.filter((_, i) => i % 2 === 0),
      Math.abs,
    );
    for (const [i, expected] of [Math.SQRT1_2, Math.SQRT1_2, 0, 0].entries())
      expect(first[i]).toBeCloseTo(expected, 4);
  });

  it("is deterministic for a seed", () => {
    const a = randomizedSvd(rankTwo(), { rank: 2, oversample: 1, powerIterations: 1, seed: 3 });
    const b = randomizedSvd(rankTwo(), { rank: 2, oversample: 1, powerIterations: 1, seed: 3 });
    expect(Array.from(a.components)).toEqual(Array.from(b.components));
  });
});
