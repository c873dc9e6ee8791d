import { describe, expect, it } from "vitest";
import { splitAbstractStart } from "./abstract-start.js";

describe("the start of an abstract", () => {
  it("cuts at a space near the limit, and the two parts make the whole", () => {
    const abstract =
      "We study the problem of learning to rank papers for a reader from a handful of signals.";
    const [start, rest] = splitAbstractStart(abstract, 40);
    expect(start).toBe("We study the problem of learning to rank");
    expect(`${start} ${rest}`).toBe(abstract);
  });

  it("never cuts inside a formula, and keeps escaped dollars as written", () => {
    const abstract =
      "Costs fall from \\$5 and $10 to $\\mathcal{O}(n \\log n)$ time for every input we tried.";
    const [start, rest] = splitAbstractStart(abstract, 40);
    expect(start).toBe("Costs fall from \\$5 and $10 to");
    expect(rest.startsWith("$\\mathcal{O}(n \\log n)$ time")).toBe(true);
    expect(`${start} ${rest}`).toBe(abstract);
  });

  it("keeps a short abstract whole", () => {
    expect(splitAbstractStart("Short.", 40)).toEqual(["Short.", ""]);
  });
});
