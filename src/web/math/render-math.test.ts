import { describe, expect, it } from "vitest";
import { renderMathText } from "./render-math.js";

describe("renderMathText", () => {
  it("typesets valid TeX and keeps the text around it as text", () => {
    const { pieces, classes } = renderMathText("Loss $x^2 + y$ falls");
    expect(pieces.map((p) => p.kind)).toEqual(["text", "math", "text"]);
    const formula = pieces[1];
    expect(formula?.kind === "math" && formula.html).toContain('class="katex"');
    expect(formula?.kind === "math" && formula.html).not.toContain("style=");
    expect(classes.length).toBeGreaterThan(0);
  });

  it("shows invalid TeX exactly as written, as text", () => {
    const { pieces } = renderMathText("gain of $21.41\\db$ and $\\frac{1}{$ here");
    expect(pieces).toEqual([{ kind: "text", text: "gain of $21.41\\db$ and $\\frac{1}{$ here" }]);
  });

  it("never lets markup through: HTML inside formulas is typeset as symbols, outside stays text", () => {
    const { pieces } = renderMathText("<script>alert(1)</script> $x<y$ \\(\\href{javascript:alert(1)}{x}\\)");
    expect(pieces[0]).toEqual({ kind: "text", text: "<script>alert(1)</script> " });
    const html = pieces.flatMap((p) => (p.kind === "math" ? [p.html] : [])).join("");
    expect(html).toContain("&lt;");
    expect(html).not.toContain("<script");
    expect(pieces.at(-1)).toEqual({ kind: "text", text: " \\(\\href{javascript:alert(1)}{x}\\)" });
  });

  it("returns the same object for the same text (cached)", () => {
    expect(renderMathText("cached $a_1$")).toBe(renderMathText("cached $a_1$"));
  });
});
