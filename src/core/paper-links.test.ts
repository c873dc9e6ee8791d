import { describe, expect, it } from "vitest";
import { paperLinks } from "./paper-links.js";

describe("paperLinks", () => {
  it("finds the repository and the project page in the comment and abstract", () => {
    expect(
      paperLinks(
        "10 pages. Project page: https://example.org/mt.",
        "We release code at https://github.com/desBugger/constitutional-mt.git, and more.",
      ),
    ).toEqual({
      githubRepo: "https://github.com/desBugger/constitutional-mt",
      projectPage: "https://example.org/mt",
    });
  });

  it("keeps only the owner and repository of a deeper GitHub link", () => {
    expect(paperLinks(null, "See https://github.com/a/b/tree/main/src").githubRepo).toBe(
      "https://github.com/a/b",
    );
  });

  it("does not take arXiv, DOI or licence links for project pages", () => {
    expect(paperLinks("https://doi.org/10.1/x", "https://arxiv.org/abs/2101.00001")).toEqual({
      githubRepo: null,
      projectPage: null,
    });
  });
});
