import { describe, expect, it } from "vitest";
import { parseTexText, plainTexText, texToHtml } from "./tex-text.js";

const text = (value: string) => ({ kind: "text", text: value });

describe("parseTexText", () => {
  it("styles \\emph, \\textit, \\textbf and \\texttt, and old-style switches in a group", () => {
    expect(parseTexText("a \\emph{team} game")).toEqual([
      text("a "),
      { kind: "em", children: [text("team")] },
      text(" game"),
    ]);
    expect(parseTexText("\\textbf{S}emantics and \\textit{x} and \\texttt{f()}")).toEqual([
      { kind: "strong", children: [text("S")] },
      text("emantics and "),
      { kind: "em", children: [text("x")] },
      text(" and "),
      { kind: "code", children: [text("f()")] },
    ]);
    expect(parseTexText("{\\em very} {\\bf bold}")).toEqual([
      { kind: "em", children: [text("very")] },
      text(" "),
      { kind: "strong", children: [text("bold")] },
    ]);
  });

  it("keeps formulas inside styling, and styling that spans a formula", () => {
    expect(parseTexText("\\emph{for all $n$ here}")).toEqual([
      {
        kind: "em",
        children: [
          text("for all "),
          { kind: "math", tex: "n", display: false, source: "$n$" },
          text(" here"),
        ],
      },
    ]);
  });

  it("links \\url and \\href to web addresses only", () => {
    expect(parseTexText("code at \\url{https://github.com/a/b}.")).toEqual([
      text("code at "),
      { kind: "link", url: "https://github.com/a/b", children: [text("https://github.com/a/b")] },
      text("."),
    ]);
    expect(parseTexText("\\href{https://x.org}{our site}")).toEqual([
      { kind: "link", url: "https://x.org", children: [text("our site")] },
    ]);
    expect(parseTexText("\\href{javascript:alert(1)}{click}")).toEqual([text("click")]);
  });

  it("turns dashes, quotes, escapes and groups into text", () => {
    expect(plainTexText("an easy--hard---impossible ``phase'' at 5\\% {cost} \\& more")).toBe(
      "an easy–hard—impossible “phase” at 5% cost & more",
    );
    expect(plainTexText("\\textsc{Lean} proofs")).toBe("Lean proofs");
  });

  it("leaves what it does not know as written, and never loses text to an unbalanced brace", () => {
    expect(plainTexText("unless $\\P \\neq \\PPAD$ and \\PPAD-hard")).toBe(
      "unless $\\P \\neq \\PPAD$ and \\PPAD-hard",
    );
    expect(plainTexText("\\emph{never closed")).toBe("never closed");
    expect(plainTexText("stray } brace")).toBe("stray } brace");
    expect(parseTexText("plain words")).toEqual([text("plain words")]);
  });
});

describe("texToHtml", () => {
  it("writes styling as tags, formulas as written, and escapes the rest", () => {
    expect(texToHtml("a \\emph{<b>} $x<y$ --- \\url{https://a.org/?q=1&r=2}")).toBe(
      'a <em>&lt;b&gt;</em> $x&lt;y$ — <a href="https://a.org/?q=1&amp;r=2">https://a.org/?q=1&amp;r=2</a>',
    );
  });
});
