import { describe, expect, it } from "vitest";
import { highlightPattern } from "./highlight.js";

const marked = (pattern: RegExp | null, text: string) =>
  [...text.matchAll(pattern ?? /$^/g)].map((m) => m[0]);

describe("highlightPattern", () => {
  it("marks each word's stem with any ending, but no stop word", () => {
    const pattern = highlightPattern(["the", "networks", "of", "graphs"]);
    expect(marked(pattern, "The network of graph networks")).toEqual(["network", "graph", "networks"]);
    expect(highlightPattern(["the of and"])).toBeNull();
  });

  it("marks at most sixteen distinct words of a long query", () => {
    const letter = (n: number) => String.fromCharCode(97 + n);
    const words = Array.from({ length: 60 }, (_, i) => `k${letter(Math.floor(i / 26))}${letter(i % 26)}q`);
    const pattern = highlightPattern(words);
    const text = words.join(" ");
    expect(marked(pattern, text)).toEqual(words.slice(0, 16));
  });
});
