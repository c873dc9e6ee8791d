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
      codeRepo: "https://github.com/desBugger/constitutional-mt",
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
      codeRepo: null,
      projectPage: null,
    });
  });

  it("takes a GitLab project, nested groups included, as the code when there is no GitHub one", () => {
    expect(paperLinks("Code: https://gitlab.com/lab/sub/tool/-/tree/main.", "").codeRepo).toBe(
      "https://gitlab.com/lab/sub/tool",
    );
    expect(paperLinks("https://gitlab.com/a/b.git and https://github.com/c/d", "").codeRepo).toBe(
      "https://github.com/c/d",
    );
    expect(paperLinks("https://gitlab.com/a/b", "").projectPage).toBeNull();
  });
});
