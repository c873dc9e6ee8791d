import { describe, expect, it } from "vitest";
import {
  COMMON_WORD,
  RELAXED_POSTINGS,
  relaxedMatch,
  relaxedWords,
  textMatch,
  VERY_COMMON_SHARE,
  veryCommonFrom,
} from "./keyword.js";
import { parseQuery } from "./query/parse.js";

const words = (q: string) => relaxedWords(parseQuery(q));

describe("textMatch", () => {
  it("asks for every word as typed (compounds as one group), stop words left out", () => {
    expect(textMatch(parseQuery("the IL-6 signalling of cells"))?.all).toEqual([
      ["IL-6"],
      ["signalling"],
      ["cells"],
    ]);
    // A query of stop words alone is searched as one phrase (search/query/bounds.ts).
    expect(textMatch(parseQuery("the of"))?.all).toEqual([["the of"]]);
  });

  it("leaves out common words when two rarer ones remain, and keeps them otherwise", () => {
    const common = new Map([
      ["large", COMMON_WORD + 1],
      ["models", COMMON_WORD + 1],
      ["quokka", 3],
      ["emergence", COMMON_WORD],
    ]);
    expect(textMatch(parseQuery("large models of quokka emergence"), common)?.all).toEqual([
      ["quokka"],
      ["emergence"],
    ]);
    expect(textMatch(parseQuery("large quokka models"), common)?.all).toEqual([
      ["large"],
      ["quokka"],
      ["models"],
    ]);
  });

  it("with fewer than two rare words, leaves out the very common ones while two words remain", () => {
    const papers = 1_000_000;
    const veryCommon = veryCommonFrom(papers);
    expect(veryCommon).toBe(papers * VERY_COMMON_SHARE);
    const counts = new Map([
      ["large", 480_000],
      ["language", 520_000],
      ["models", 900_000],
      ["evaluated", 40_000],
      ["know", 60_000],
    ]);
    const match = (q: string) => textMatch(parseQuery(q), counts, COMMON_WORD, veryCommon)?.all;
    // Order as typed; "large", "language" and "models" are past a fifth of the papers.
    expect(match("Large Language Models Know When They Are Evaluated")).toEqual([["Know"], ["Evaluated"]]);
    // Every word very common: the two rarest stay.
    expect(match("Large Language Models")).toEqual([["Large"], ["Language"]]);
    // Without a very-common bound (the default) nothing more is left out.
    expect(textMatch(parseQuery("Large Language Models"), counts)?.all).toHaveLength(3);
  });
});

describe("relaxedWords", () => {
  it("cuts words at hyphens and punctuation, leaves out stop words and repeats, keeps quoted phrases", () => {
    expect(words("4-PBA treatment lowers the stress of IL-6, stress markers.")).toEqual([
      "4",
      "pba",
      "treatment",
      "lowers",
      "stress",
      "il",
      "6",
      "markers",
    ]);
    expect(words('"graph neural network" pruning')).toEqual(["graph neural network", "pruning"]);
  });

  it("has nothing to relax with an exclusion or an OR", () => {
    expect(words("graph networks -image")).toBeNull();
    expect(words("graph OR network pruning")).toBeNull();
  });
});

describe("relaxedMatch", () => {
  it("takes the rarest words while their papers fit the posting budget", () => {
    const match = relaxedMatch(
      new Map([
        ["common", RELAXED_POSTINGS - 5],
        ["rare", 5],
        ["rarer", 2],
        ["absent", 0],
      ]),
    );
    expect(match).toEqual({ all: [["rarer"], ["rare"]], none: [], any: true });
  });

  it("gives up when even the rarest word is past the budget", () => {
    expect(relaxedMatch(new Map([["model", RELAXED_POSTINGS + 1]]))).toBeNull();
  });
});
