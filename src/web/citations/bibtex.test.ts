import { describe, expect, it } from "vitest";
import type { PaperSummary } from "../../core/paper.js";
import { bibtexEntry, bibtexList, bibtexValue } from "./bibtex.js";
import { citationKey, paperYear } from "./keys.js";

const paper: PaperSummary = {
  id: "2606.26139",
  title: "The Multiscale Exit-Join Dynamics & 100% Coalitions",
  abstract: "An abstract.",
  authors: ["Quanyan Zhu", "Émile Borel"],
  categories: ["cs.GT", "cs.AI"],
  comment: null,
  journalRef: null,
  doi: "10.1000/xyz",
  license: null,
  published: null,
  updated: null,
  withdrawn: false,
  primaryCategory: null,
  arxivDay: "2026-06-26",
  listingDay: "2026-06-26",
  featuredAt: null,
  submittedBy: null,
  submitterName: null,
  upvotes: 0,
  externalUpvotes: null,
  commentCount: 0,
};

describe("BibTeX", () => {
  it("writes arXiv's @misc form with a readable key", () => {
    expect(bibtexEntry(paper)).toBe(
      [
        "@misc{zhu2026multiscale,",
        "  title = {{The Multiscale Exit-Join Dynamics \\& 100\\% Coalitions}},",
        "  author = {Quanyan Zhu and Émile Borel},",
        "  year = {2026},",
        "  eprint = {2606.26139},",
        "  archivePrefix = {arXiv},",
        "  primaryClass = {cs.GT},",
        "  doi = {10.1000/xyz},",
        "  url = {https://arxiv.org/abs/2606.26139}",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("takes the year from the first version, else from the id", () => {
    expect(paperYear({ ...paper, published: "2025-12-31T23:00:00Z" })).toBe("2025");
    expect(paperYear({ ...paper, id: "hep-th/9901001" })).toBe("1999");
    expect(paperYear({ ...paper, id: "math/0309136" })).toBe("2003");
  });

  it("keeps LaTeX math and escapes unpaired braces", () => {
    expect(bibtexValue("On $\\mathcal{O}(n)$ bounds")).toBe("On $\\mathcal{O}(n)$ bounds");
    expect(bibtexValue("A } broken { title}")).toBe("A \\textbraceright{} broken { title}");
    expect(bibtexValue("Sets {x and y")).toBe("Sets \\textbraceleft{}x and y");
  });

  it("never lets a brace in the data end the field (BibTeX counts escaped braces too)", () => {
    const hostile = bibtexValue('Alice \\} , note = "INJECTED"');
    expect(hostile).toBe('Alice \\textbraceright{} , note = "INJECTED"');
    let depth = 0;
    for (const c of `{${hostile}}`) {
      depth += c === "{" ? 1 : c === "}" ? -1 : 0;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
    expect(bibtexValue("Sets \\{ and \\} paired")).toBe("Sets \\{ and \\} paired");
    expect(bibtexValue("Already \\& escaped")).toBe("Already \\& escaped");
  });

  it("keeps no TeX command that reads, writes or defines, however it is spelt", () => {
    const entry = bibtexEntry({
      ...paper,
      authors: ["Eve \\input{/etc/passwd}", "Mallory \\immediate\\write18{rm -rf ~}"],
      title: '\\def\\x{y} \\csname input\\endcsname{a} ^^5cinput{b} \\@@input{c} \\mathcal{O}(n) by G\\"odel',
    });
    for (const command of ["input", "immediate", "write18", "def", "csname", "endcsname", "@@input"]) {
      expect(entry, command).not.toMatch(new RegExp(`(?<!textbackslash\\{\\})\\\\${command}`));
    }
    expect(entry).not.toContain("^^");
    expect(entry).toContain('\\mathcal{O}(n) by G\\"odel');
    expect(entry).toContain("Eve \\textbackslash{}input{/etc/passwd}");
  });

  it("makes keys unique within a list", () => {
    const keys = [...bibtexList([paper, paper, paper]).matchAll(/@misc\{([^,]+),/g)].map((m) => m[1]);
    expect(keys).toEqual(["zhu2026multiscale", "zhu2026multiscalea", "zhu2026multiscaleb"]);
    expect(citationKey({ ...paper, authors: [] })).toBe("anon2026multiscale");
  });
});
