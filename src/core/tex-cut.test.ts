import { describe, expect, it } from "vitest";
import { shortenTex, splitTex } from "./tex-cut.js";
import { htmlOf, parseTexText, plainOf } from "./tex-text.js";

describe("shortening TeX text", () => {
  it("cuts at a space and keeps styling that spans the cut on both sides", () => {
    const nodes = parseTexText("We propose \\textbf{a hierarchical bias model} for ranking papers.");
    const [start, rest] = splitTex(nodes, 20);
    expect(htmlOf(start)).toBe("We propose <strong>a</strong>");
    expect(htmlOf(rest)).toBe("<strong>hierarchical bias model</strong> for ranking papers.");
    expect(`${plainOf(start)} ${plainOf(rest)}`).toBe(plainOf(nodes));
  });

  it("never cuts inside a formula, and counts a formula as written", () => {
    const [start, rest] = splitTex(
      parseTexText("Costs fall to $\\mathcal{O}(n \\log n)$ for all inputs."),
      24,
    );
    expect(plainOf(start)).toBe("Costs fall to");
    expect(rest[0]).toMatchObject({ kind: "math", tex: "\\mathcal{O}(n \\log n)" });
  });

  it("marks what it left out, shows no command or brace as typed, and keeps short text whole", () => {
    const shortened = shortenTex("A \\emph{very long emphasised phrase} \\url{https://a.org/x} end", 12);
    expect(htmlOf(shortened)).toBe("A <em>very long</em>…");
    expect(shortenTex("Short \\emph{one}.", 40)).toEqual(parseTexText("Short \\emph{one}."));
    expect(plainOf(shortenTex("It fails. Then it works again.", 12))).toBe("It fails…");
  });

  it("keeps text without a space before the limit whole rather than cutting a word", () => {
    const [start, rest] = splitTex(parseTexText("Supercalifragilistic words"), 10);
    expect(plainOf(start)).toBe("Supercalifragilistic words");
    expect(rest).toEqual([]);
  });
});
