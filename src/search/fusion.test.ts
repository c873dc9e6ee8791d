import { describe, expect, it } from "vitest";
import { fuseRankings } from "./fusion.js";

const list = (ids: string[], scores: number[]) => ({ ids, scores });

describe("fuseRankings", () => {
  it("rrf: scores weight / (k + rank), so items both lists rank high come first", () => {
    // c: 0.5/63 + 0.5/61 = 0.016133 edges out b: 0.5/62 + 0.5/62 = 0.016129; a: 0.5/61; d: 0.5/63.
    const fused = fuseRankings(list(["a", "b", "c"], [3, 2, 1]), list(["c", "b", "d"], [0.9, 0.8, 0.7]), {
      method: "rrf",
      k: 60,
      keywordWeight: 0.5,
    });
    expect(fused).toEqual(["c", "b", "a", "d"]);
  });

  it("convex: mixes keyword scores over their best with min-max semantic scores", () => {
    // a: 0.7*10/10 + 0 = 0.7; b: 0.7*5/10 + 0.3*1 = 0.65; z: 0.3*0.5 = 0.15; y: 0.
    const fused = fuseRankings(list(["a", "b"], [10, 5]), list(["b", "z", "y"], [0.9, 0.6, 0.3]), {
      method: "convex",
      keywordWeight: 0.7,
    });
    expect(fused).toEqual(["a", "b", "z", "y"]);
  });

  it("convex with all weight on keywords keeps the keyword order", () => {
    const fused = fuseRankings(list(["a", "b"], [2, 1]), list(["b", "a"], [1, 0]), {
      method: "convex",
      keywordWeight: 1,
    });
    expect(fused.slice(0, 2)).toEqual(["a", "b"]);
  });

  it("zscore: standardises each list, and an item missing from one list gets that list's lowest score", () => {
    // Keyword z: a 1.2247, b 0, c -1.2247. Semantic z: c 1, d -1; a and b take the floor -1.
    // a: 0.6*1.2247 - 0.4 = 0.3348; c: 0.6*(-1.2247) + 0.4 = -0.3348; b: 0 - 0.4 = -0.4; d: -0.7348 - 0.4.
    const fused = fuseRankings(list(["a", "b", "c"], [9, 6, 3]), list(["c", "d"], [0.8, 0.2]), {
      method: "zscore",
      keywordWeight: 0.6,
    });
    expect(fused).toEqual(["a", "c", "b", "d"]);
  });

  it("zscore: a semantic score far above the rest lifts a paper over a slightly better keyword hit", () => {
    const fused = fuseRankings(list(["a", "b", "c"], [10, 9.5, 1]), list(["b", "x", "y"], [0.9, 0.3, 0.2]), {
      method: "zscore",
      keywordWeight: 0.6,
    });
    expect(fused.slice(0, 2)).toEqual(["b", "a"]);
  });

  it("survives empty lists", () => {
    const fusion = { method: "zscore", keywordWeight: 0.6 } as const;
    expect(fuseRankings(list([], []), list(["x"], [0.2]), fusion)).toEqual(["x"]);
    expect(fuseRankings(list(["x"], [0]), list([], []), fusion)).toEqual(["x"]);
  });
});
