import { describe, expect, it } from "vitest";
import { pickPapers } from "./pick.js";

describe("pickPapers", () => {
  const matches = [
    { follow: "trending", ids: ["a", "b", "c", "d"] },
    { follow: "cat:cs.LG", ids: ["b", "e", "f"] },
    { follow: "diffusion", ids: ["g"] },
  ];

  it("takes from each follow in turn, without repeats", () => {
    expect(pickPapers(matches, new Set(), 5)).toEqual([
      { paperId: "a", because: "trending" },
      { paperId: "b", because: "cat:cs.LG" },
      { paperId: "g", because: "diffusion" },
      { paperId: "c", because: "trending" },
      { paperId: "e", because: "cat:cs.LG" },
    ]);
  });

  it("never picks a paper already sent, and stops when the candidates run out", () => {
    const picked = pickPapers(matches, new Set(["a", "b", "g"]), 50);
    expect(picked.map((p) => p.paperId)).toEqual(["c", "e", "d", "f"]);
  });

  it("picks nothing when everything was sent", () => {
    expect(pickPapers(matches, new Set(["a", "b", "c", "d", "e", "f", "g"]), 3)).toEqual([]);
  });
});
