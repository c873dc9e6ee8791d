import { describe, expect, it } from "vitest";
import { splitMath } from "./split-math.js";

const math = (tex: string, display: boolean, source: string) => ({ kind: "math", tex, display, source });
const text = (value: string) => ({ kind: "text", text: value });

describe("splitMath", () => {
  it("finds the four delimiters", () => {
    expect(splitMath("a $x^2$ b")).toEqual([text("a "), math("x^2", false, "$x^2$"), text(" b")]);
    expect(splitMath("$$\\sum_i x_i$$")).toEqual([math("\\sum_i x_i", true, "$$\\sum_i x_i$$")]);
    expect(splitMath("is \\(a+b\\).")).toEqual([text("is "), math("a+b", false, "\\(a+b\\)"), text(".")]);
    expect(splitMath("\\[E=mc^2\\]")).toEqual([math("E=mc^2", true, "\\[E=mc^2\\]")]);
  });

  it("leaves currency alone", () => {
    expect(splitMath("costs $5 and $10 per run")).toEqual([text("costs $5 and $10 per run")]);
    expect(splitMath("from $5 to $x$")).toEqual([text("from $5 to "), math("x", false, "$x$")]);
    expect(splitMath("between $3,$4 and more")).toEqual([text("between $3,$4 and more")]);
    expect(splitMath("a lone $ sign")).toEqual([text("a lone $ sign")]);
  });

  it("treats \\$ as a dollar and unclosed delimiters as text", () => {
    expect(splitMath("pay \\$5 now")).toEqual([text("pay $5 now")]);
    expect(splitMath("open \\( never closed")).toEqual([text("open \\( never closed")]);
    expect(splitMath("$$ $$")).toEqual([text("$$ $$")]);
  });
});

describe("splitMath on hostile text", () => {
  // Each opening delimiter without its close used to rescan the rest of the text: quadratic, 2.5 s for
  // 20,000 of them. 100,000 would take about a minute that way; once linear, a few milliseconds.
  it("reads repeated unclosed delimiters in one pass", () => {
    for (const open of ["\\(", "\\[", "$$", "$a "]) {
      const input = open.repeat(100_000);
      const started = performance.now();
      const pieces = splitMath(input);
      expect(performance.now() - started, open).toBeLessThan(2_000);
      expect(pieces.map((piece) => (piece.kind === "text" ? piece.text : piece.source)).join("")).toBe(
        input.replaceAll("\\$", "$"),
      );
    }
  });
});
