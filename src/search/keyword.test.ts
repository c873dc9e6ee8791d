import { describe, expect, it } from "vitest";
import { relaxedMatch, textMatch } from "./keyword.js";
import { parseQuery } from "./query/parse.js";

const relaxed = (q: string) => relaxedMatch(parseQuery(q));

describe("relaxedMatch", () => {
  it("asks for any of the words, cut at hyphens and punctuation, stop words and repeats left out", () => {
    expect(relaxed("4-PBA treatment lowers the stress of IL-6, stress markers.")).toEqual({
      all: [["4"], ["pba"], ["treatment"], ["lowers"], ["stress"], ["il"], ["6"], ["markers"]],
      none: [],
      any: true,
    });
  });

  it("keeps a quoted phrase whole", () => {
    expect(relaxed('"graph neural network" pruning')?.all).toEqual([["graph neural network"], ["pruning"]]);
  });

  it("has nothing to relax with fewer than two words, an exclusion or an OR", () => {
    expect(relaxed("the transformers")).toBeNull();
    expect(relaxed('"Nash Equilibria"')).toBeNull();
    expect(relaxed("graph networks -image")).toBeNull();
    expect(relaxed("graph OR network pruning")).toBeNull();
  });

  it("leaves the strict match as typed: compounds stay one group", () => {
    expect(textMatch(parseQuery("IL-6 signalling"))?.all).toEqual([["IL-6"], ["signalling"]]);
  });
});
