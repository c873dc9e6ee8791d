import { describe, expect, it } from "vitest";
import type { PaperSummary } from "../core/paper.js";
import { digestReason } from "./reason.js";

function paper(upvotes: number, comments: number, external: number | null = null): PaperSummary {
  return {
    id: "2606.00001",
    title: "T",
    abstract: "A",
    authors: ["A. Author"],
    categories: [],
    comment: null,
    journalRef: null,
    doi: null,
    license: null,
    published: null,
    updated: null,
    withdrawn: false,
    primaryCategory: null,
    arxivDay: "2026-06-29",
    listingDay: "2026-06-29",
    featuredAt: "2026-06-29T14:00:00.000Z",
    submittedBy: null,
    submitterName: null,
    upvotes,
    externalUpvotes: external,
    commentCount: comments,
  };
}

describe("digestReason", () => {
  it("calls a paper trending only when someone upvoted or discussed it, and says how much", () => {
    expect(digestReason("trending", paper(3, 1))).toBe("trending: 3 upvotes, 1 comment");
    expect(digestReason("trending", paper(0, 0, 2))).toBe("trending: 2 upvotes, 0 comments");
  });

  it("names a quiet paper as featured on its day", () => {
    expect(digestReason("trending", paper(0, 0))).toBe("featured on June 29, no upvotes or comments yet");
  });

  it("keeps a category's or a saved search's own name", () => {
    expect(digestReason("cat:cs.LG", paper(0, 0))).toBe("cat:cs.LG");
    expect(digestReason('"diffusion model"', paper(5, 0))).toBe('"diffusion model"');
  });
});
