import { describe, expect, it } from "vitest";
import { parseQuery } from "./parse.js";
import { isEmptyQuery } from "./tree.js";

describe("parseQuery", () => {
  it("sends an arXiv id, a versioned id, an old-style id and arXiv or HF URLs to the paper", () => {
    expect(parseQuery("2409.13598").arxivId).toBe("2409.13598");
    expect(parseQuery(" 2409.13598v2 ").arxivId).toBe("2409.13598");
    expect(parseQuery("hep-th/9901001").arxivId).toBe("hep-th/9901001");
    expect(parseQuery("https://arxiv.org/abs/2409.13598v1").arxivId).toBe("2409.13598");
    expect(parseQuery("https://arxiv.org/pdf/2409.13598.pdf").arxivId).toBe("2409.13598");
    expect(parseQuery("https://huggingface.co/papers/2409.13598").arxivId).toBe("2409.13598");
  });

  it("reads plain words as required words and keeps the text for title matching", () => {
    const query = parseQuery("graph neural networks");
    expect(query.arxivId).toBeNull();
    expect(query.clauses).toEqual([
      { kind: "include", words: { kind: "word", text: "graph" } },
      { kind: "include", words: { kind: "word", text: "neural" } },
      { kind: "include", words: { kind: "word", text: "networks" } },
    ]);
    expect(query.text).toBe("graph neural networks");
  });

  it("reads quoted phrases as phrases, and words joined by punctuation as one word", () => {
    expect(parseQuery('"large language model" GPT-4').clauses).toEqual([
      { kind: "include", words: { kind: "phrase", text: "large language model" } },
      { kind: "include", words: { kind: "word", text: "GPT-4" } },
    ]);
  });

  it('reads -word and -"phrase" as exclusions, but not a lone dash', () => {
    expect(parseQuery('transformer -vision -"image classification" - x').clauses).toEqual([
      { kind: "include", words: { kind: "word", text: "transformer" } },
      { kind: "exclude", words: { kind: "word", text: "vision" } },
      { kind: "exclude", words: { kind: "phrase", text: "image classification" } },
      { kind: "include", words: { kind: "word", text: "x" } },
    ]);
  });

  it("groups a OR b OR c into one alternative and ignores dangling ORs", () => {
    expect(parseQuery('diffusion OR "score matching" OR flow sampling OR').clauses).toEqual([
      {
        kind: "any",
        options: [
          { kind: "word", text: "diffusion" },
          { kind: "phrase", text: "score matching" },
          { kind: "word", text: "flow" },
        ],
      },
      { kind: "include", words: { kind: "word", text: "sampling" } },
    ]);
    expect(parseQuery("OR OR").clauses).toEqual([]);
    expect(parseQuery("cats or dogs").clauses).toHaveLength(3);
  });

  it("reads the category, author and date filters", () => {
    const query = parseQuery('cat:cs.LG author:"Yann LeCun" author:Bengio after:2025-01-01 before:2025-06 x');
    expect(query.filters).toEqual({
      categories: ["cs.LG"],
      authors: ["Yann LeCun", "Bengio"],
      after: "2025-01-01",
      before: "2025-06-30",
    });
    expect(query.text).toBe("x");
  });

  it("reads year: as a range and keeps the narrowest bounds", () => {
    expect(parseQuery("year:2024").filters).toMatchObject({ after: "2024-01-01", before: "2024-12-31" });
    expect(parseQuery("year:2024 after:2024-05-02").filters).toMatchObject({ after: "2024-05-02" });
    expect(parseQuery("after:2024 before:2024-02").filters).toMatchObject({
      after: "2024-01-01",
      before: "2024-02-29",
    });
  });

  it("takes filters it cannot read as plain words, with a note", () => {
    const query = parseQuery("after:yesterday year:24 cat:??? colour:blue");
    expect(query.filters).toEqual({ categories: [], authors: [], after: null, before: null });
    expect(query.clauses.map((c) => (c.kind === "include" ? c.words.text : c.kind))).toEqual([
      "after:yesterday",
      "year:24",
      "cat:???",
      "colour:blue",
    ]);
    expect(query.notes).toHaveLength(3);
  });

  it("never fails on garbage and reads an unclosed quote as words", () => {
    for (const garbage of [
      '"',
      '"""',
      "-",
      "--",
      ":::",
      "((a AND b",
      "\u0000\u{1F600}",
      "x".repeat(10_000),
      'a "b c',
    ]) {
      expect(() => parseQuery(garbage)).not.toThrow();
    }
    expect(parseQuery('a "b c').clauses.map((c) => (c.kind === "include" ? c.words.text : ""))).toEqual([
      "a",
      "b",
      "c",
    ]);
    expect(isEmptyQuery(parseQuery('" - :'))).toBe(true);
    expect(parseQuery("x".repeat(10_000)).raw).toHaveLength(500);
  });

  it("does not take an id inside a sentence as the whole query", () => {
    const query = parseQuery("results of 2409.13598");
    expect(query.arxivId).toBeNull();
    expect(query.clauses).toHaveLength(3);
  });
});
