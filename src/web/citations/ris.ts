import { arxivAbsUrl, arxivPdfUrl } from "../../core/arxiv-id.js";
import type { PaperSummary } from "../../core/paper.js";
import { paperYear, uniqueKeys } from "./keys.js";
import { splitName } from "./names.js";

/**
 * RIS, the tagged format EndNote, Zotero and Mendeley read: `TAG  - value` lines, one record per paper from
 * `TY` to `ER`. An arXiv paper is an unpublished work (UNPB) with its arXiv page as URL.
 */

// A value is one line: a line break inside it would start a new, forged tag.
const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

function risDate(paper: PaperSummary): string | null {
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(paper.published ?? "");
  return day ? `${day[1]}/${day[2]}/${day[3]}` : null;
}

function risLines(paper: PaperSummary, key: string): [string, string][] {
  const lines: [string, string][] = [
    ["TY", "UNPB"],
    ["ID", key],
    ["TI", paper.title],
  ];
  for (const author of paper.authors) {
    const name = splitName(author);
    lines.push(["AU", name.given ? `${name.family}, ${name.given}` : name.family]);
  }
  lines.push(["PY", paperYear(paper)]);
  const date = risDate(paper);
  if (date) lines.push(["DA", date]);
  lines.push(["AB", paper.abstract]);
  for (const category of paper.categories) lines.push(["KW", category]);
  lines.push(["UR", arxivAbsUrl(paper.id)], ["L1", arxivPdfUrl(paper.id)]);
  if (paper.doi) lines.push(["DO", paper.doi]);
  if (paper.journalRef) lines.push(["N1", `Journal reference: ${paper.journalRef}`]);
  lines.push(["AN", `arXiv:${paper.id}`], ["DB", "arXiv"]);
  return lines;
}

export function risEntry(paper: PaperSummary, key: string): string {
  const body = risLines(paper, key)
    .map(([tag, value]) => `${tag}  - ${oneLine(value)}`)
    .join("\r\n");
  // The spec ends a record with "ER  - " (a space after the dash) and separates lines with CR LF.
  return `${body}\r\nER  - \r\n`;
}

export function risList(papers: readonly PaperSummary[]): string {
  const keys = uniqueKeys(papers);
  return papers.map((paper, index) => risEntry(paper, keys[index] ?? paper.id)).join("\r\n");
}
