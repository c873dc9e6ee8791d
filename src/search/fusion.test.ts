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

  it("survives empty lists", () => {
    expect(fuseRankings(list([], []), list(["x"], [0.2]))).toEqual(["x"]);
    expect(fuseRankings(list(["x"], [0]), list([], []))).toEqual(["x"]);
  });
});
