import { describe, expect, it } from "vitest";
import { htmlOf, plainOf } from "../../core/tex-text.js";
import { splitAbstractStart } from "./abstract-start.js";

describe("the start of an abstract", () => {
  it("cuts at a space near the limit, and the two parts make the whole", () => {
    const abstract =
      "We study the problem of learning to rank papers for a reader from a handful of signals.";
    const [start, rest] = splitAbstractStart(abstract, 40);
    expect(plainOf(start)).toBe("We study the problem of learning to rank");
    expect(`${plainOf(start)} ${plainOf(rest)}`).toBe(abstract);
  });

  it("never cuts inside a formula, and keeps escaped dollars as text", () => {
    const abstract =
      "Costs fall from \\$5 and $10 to $\\mathcal{O}(n \\log n)$ time for every input we tried.";
    const [start, rest] = splitAbstractStart(abstract, 40);
    expect(plainOf(start)).toBe("Costs fall from $5 and $10 to");
    expect(plainOf(rest).startsWith("$\\mathcal{O}(n \\log n)$ time")).toBe(true);
  });

  it("styles both parts of a command the cut falls in, showing no brace", () => {
    const abstract = "Our method, \\textbf{hierarchical bias correction for rankers}, helps.";
    const [start, rest] = splitAbstractStart(abstract, 30);
    expect(htmlOf(start)).toBe("Our method, <strong>hierarchical bias</strong>");
    expect(htmlOf(rest)).toBe("<strong>correction for rankers</strong>, helps.");
  });

  it("keeps a short abstract whole", () => {
    expect(splitAbstractStart("Short.", 40)).toEqual([[{ kind: "text", text: "Short." }], []]);
  });
});
