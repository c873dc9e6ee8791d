import { describe, expect, it } from "vitest";
import type { PaperSummary } from "../core/paper.js";
import { dayPeriod } from "../core/periods.js";
import { ABSTRACT_CHARS } from "./digest.js";
import { renderDigestHtml } from "./render-html.js";
import { renderDigestText } from "./render-text.js";

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
  submitterName: null,
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

  it("shortens a long abstract without leaving a command or half a formula as typed", () => {
    const filler = "word ".repeat(Math.floor(ABSTRACT_CHARS / 5) - 4);
    const bold = `${filler}\\textbf{a bold claim that spans the cut} after it.`;
    const formula = `${filler}then $\\alpha + \\beta + \\gamma + \\delta + \\epsilon$ after it.`;
    const digest = {
      email: "grace@example.org",
      period: dayPeriod("2026-07-01"),
      items: [bold, formula].map((abstract, n) => ({
        paper: { ...paper(`2607.0000${n + 2}`, "Long"), abstract },
        because: "trending",
      })),
    };
    const html = renderDigestHtml(digest, links);
    expect(html).toMatch(/<strong>a bold[^<]*<\/strong>…/);
    expect(html).toMatch(/word then…/);
    const text = renderDigestText(digest, links);
    expect(text).toMatch(/word a bold[a-z ]*…/);
    expect(text).toMatch(/word then…/);
    for (const part of [html, text]) expect(part).not.toMatch(/\\textbf|\$\\alpha/);
  });
});
