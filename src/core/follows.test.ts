import { describe, expect, it } from "vitest";
import { formatFollow, parseCadence, parseFollow, parseFollows, splitFollows } from "./follows.js";

describe("follows", () => {
  it("reads trending, for-you, categories and saved searches, and writes them back the same way", () => {
    expect(parseFollow(" Trending ")).toEqual({ kind: "trending" });
    expect(parseFollow("For-You")).toEqual({ kind: "for-you" });
    expect(parseFollow("cat:cs.LG")).toEqual({ kind: "category", category: "cs.LG" });
    expect(parseFollow('  "diffusion  model" -survey ')).toEqual({
      kind: "search",
      query: '"diffusion model" -survey',
    });
    for (const text of ["trending", "for-you", "cat:hep-th", "author:hinton cat:cs.LG"]) {
      expect(formatFollow(parseFollow(text))).toBe(text);
    }
  });

  it("refuses a bad category, an empty follow and too many follows", () => {
    expect(() => parseFollow("cat:I.2.7")).toThrow(/not an arXiv category/);
    expect(() => parseFollow("  ")).toThrow(/empty/);
    expect(() => parseFollows(Array.from({ length: 21 }, (_, i) => `topic${i}`))).toThrow(/at most 20/);
  });

  it("splits CSV follows on semicolons and drops repeats", () => {
    expect(
      parseFollows(splitFollows("trending;cat:cs.CL;;trending; graph networks")).map(formatFollow),
    ).toEqual(["trending", "cat:cs.CL", "graph networks"]);
  });

  it("checks cadences and addresses", () => {
    expect(parseCadence("Weekly")).toBe("weekly");
    expect(() => parseCadence("hourly")).toThrow(/daily or weekly/);
  });
});
