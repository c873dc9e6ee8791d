import { arxivAbsUrl } from "../../core/arxiv-id.js";
import type { PaperSummary } from "../../core/paper.js";
import { paperYear, uniqueKeys } from "./keys.js";
import { splitName } from "./names.js";

/** One item of CSL-JSON, the input format of citeproc (Zotero, Pandoc and most citation processors). */
export type CslItem = Record<string, unknown>;

function issued(paper: PaperSummary): { "date-parts": number[][] } {
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(paper.published ?? "");
  if (day) return { "date-parts": [[Number(day[1]), Number(day[2]), Number(day[3])]] };
  return { "date-parts": [[Number(paperYear(paper))]] };
}

/**
 * A paper as a CSL `article` (CSL 1.0.2's type for preprints), the way Zotero writes its preprints: the
 * repository as `publisher` and the arXiv identifier as `number`.
 */
export function cslItem(paper: PaperSummary, key: string): CslItem {
  const item: CslItem = {
    id: key,
    type: "article",
    title: paper.title,
    author: paper.authors.map((name) => {
      const { family, given } = splitName(name);
      return given ? { family, given } : { literal: family };
    }),
    issued: issued(paper),
    abstract: paper.abstract,
    publisher: "arXiv",
    number: `arXiv:${paper.id}`,
    URL: arxivAbsUrl(paper.id),
    keyword: paper.categories.join(", "),
  };
  if (paper.doi) item.DOI = paper.doi;
  if (paper.journalRef) item.note = `Journal reference: ${paper.journalRef}`;
  return item;
}

export function cslList(papers: readonly PaperSummary[]): string {
  const keys = uniqueKeys(papers);
  return `${JSON.stringify(
    papers.map((paper, index) => cslItem(paper, keys[index] ?? paper.id)),
    null,
    2,
  )}\n`;
}
