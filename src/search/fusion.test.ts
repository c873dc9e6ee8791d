import { describe, expect, it } from "vitest";
import { fuseRankings } from "./fusion.js";

describe("fuseRankings", () => {
  it("puts items both lists rank high above items only one list has", () => {
    // c: 1/63 + 1/61 = 0.032266 edges out b: 1/62 + 1/62 = 0.032258.
    expect(
      fuseRankings(["a", "b", "c"], ["c", "b", "d"], { k: 60, keywordWeight: 1, semanticWeight: 1 }),
    ).toEqual(["c", "b", "a", "d"]);
  });

  it("follows the weights: a zero semantic weight keeps the keyword order", () => {
    expect(fuseRankings(["a", "b"], ["b", "z"], { k: 1, keywordWeight: 1, semanticWeight: 0 })).toEqual([
      "a",
      "b",
      "z",
    ]);
  });

  it("scores exactly weight / (k + rank)", () => {
    // a: 2/(10+1) = 0.1818; b: 2/(10+2) + 1/(10+1) = 0.2576
    expect(fuseRankings(["a", "b"], ["b"], { k: 10, keywordWeight: 2, semanticWeight: 1 })).toEqual([
      "b",
      "a",
    ]);
  });
});
