import { describe, expect, it } from "vitest";
import type { PaperSummary } from "../core/paper.js";
import { dayPeriod } from "../core/periods.js";
import { renderDigestHtml } from "./render-html.js";

const paper = (id: string, title: string): PaperSummary => ({
  id,
  title,
  abstract: "An abstract with $x$ and <b>markup</b>.",
  authors: ["Ada Lovelace"],
  categories: ["cs.LG"],
  comment: null,
  journalRef: null,
  doi: null,
  license: null,
  published: null,
  updated: null,
  withdrawn: false,
  primaryCategory: "cs.LG",
  arxivDay: "2026-07-01",
  listingDay: "2026-07-01",
  featuredAt: null,
  submittedBy: null,
  upvotes: 0,
  externalUpvotes: null,
  commentCount: 0,
});

const links = {
  baseUrl: "https://papers.example.org",
  preferences: "https://papers.example.org/subscribe/preferences?token=p",
  unsubscribe: "https://papers.example.org/unsubscribe?token=u",
  feed: "https://papers.example.org/feeds/personal/x.rss",
};

describe("the digest's HTML part", () => {
  it("keeps a title's $& and $' as text and escapes its markup", () => {
    const title = "Pricing $` and $' and $& <script>alert(1)</script>";
    const html = renderDigestHtml(
      {
        email: "grace@example.org",
        period: dayPeriod("2026-07-01"),
        items: [{ paper: paper("2607.00001", title), because: "trending" }],
      },
      links,
    );
    expect(html.match(/<html/g)).toHaveLength(1);
    expect(html.match(/<\/html>/g)).toHaveLength(1);
    expect(html).toContain("Pricing $` and $' and $&amp; &lt;script&gt;");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("@@");
  });

  it("writes TeX text commands as styling, never as they were typed", () => {
    const title = "A \\emph{sharp} bound -- in \\textbf{every} $n$";
    const html = renderDigestHtml(
      {
        email: "grace@example.org",
        period: dayPeriod("2026-07-01"),
        items: [{ paper: paper("2607.00001", title), because: "trending" }],
      },
      links,
    );
    expect(html).toContain("A <em>sharp</em> bound – in <strong>every</strong> $n$");
    expect(html).not.toContain("\\emph");
  });
});
