import { describe, expect, it } from "vitest";
import { MAX_QUERY_TERMS } from "./bounds.js";
import { parseQuery } from "./parse.js";

describe("query bounds", () => {
  it("keeps one copy of a repeated word", () => {
    const query = parseQuery("model ".repeat(83));
    expect(query.clauses).toEqual([{ kind: "include", words: { kind: "word", text: "model" } }]);
    expect(parseQuery("Graph graph GRAPH -x -x").clauses).toHaveLength(2);
  });

  it("does not search one stop word however often it is typed, and says why", () => {
    const query = parseQuery("a ".repeat(250));
    expect(query.clauses).toEqual([]);
    expect(query.notes.join(" ")).toMatch(/too common/);
  });

  it("searches a query of stop words alone as the phrase it most likely is", () => {
    expect(parseQuery("to be or not to be").clauses).toEqual([
      { kind: "include", words: { kind: "phrase", text: "to be or not to be" } },
    ]);
  });

  it("searches at most MAX_QUERY_TERMS distinct words and says so", () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`);
    const query = parseQuery(words.join(" "));
    expect(query.clauses).toHaveLength(MAX_QUERY_TERMS);
    expect(query.notes.join(" ")).toMatch(/first 16/);
  });
});
