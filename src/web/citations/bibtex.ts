import { arxivAbsUrl } from "../../core/arxiv-id.js";
import type { PaperSummary } from "../../storage/papers.js";

/** BibTeX entries in the form arXiv's own export uses (`@misc` with eprint, archivePrefix, primaryClass). */

// LaTeX reads these as commands inside a field; arXiv metadata means them as text unless already escaped.
const LATEX_TEXT_SPECIALS = /(?<!\\)([&%#])/g;

function balanced(text: string): boolean {
  let depth = 0;
  for (const c of text.replace(/\\[{}]/g, "")) {
    if (c === "{") depth += 1;
    if (c === "}" && --depth < 0) return false;
  }
  return depth === 0;
}

/** A field value safe inside `{...}`: specials escaped, and braces escaped when they do not pair up. */
export function bibtexValue(text: string): string {
  const escaped = text.replace(/\s+/g, " ").trim().replace(LATEX_TEXT_SPECIALS, "\\$1");
  return balanced(escaped) ? escaped : escaped.replace(/(?<!\\)([{}])/g, "\\$1");
}

/** The year from the first version's date, else from the arXiv id (YYMM... or archive/YYMMNNN). */
export function paperYear(paper: Pick<PaperSummary, "id" | "published" | "listingDay">): string {
  const from = paper.published ?? null;
  if (from) return from.slice(0, 4);
  const yy = /(?:^|\/)(\d{2})\d{2}/.exec(paper.id)?.[1];
  if (yy) return `${Number(yy) >= 91 ? 19 : 20}${yy}`;
  return (paper.listingDay ?? "").slice(0, 4);
}

function asciiWord(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[^A-Za-z]/g, "")
    .toLowerCase();
}

const STOP_WORDS = new Set(["a", "an", "the", "on", "of", "in", "for", "and", "to", "towards", "with"]);

/** `lovelace2026analytical`: first author's last name, year, first significant title word. */
export function citationKey(paper: PaperSummary): string {
  const surname = asciiWord(paper.authors[0]?.split(/\s+/).at(-1) ?? "") || "anon";
  const word =
    paper.title
      .split(/\s+/)
      .map(asciiWord)
      .find((w) => w.length > 0 && !STOP_WORDS.has(w)) ?? "";
  return `${surname}${paperYear(paper)}${word}`;
}

export function bibtexEntry(paper: PaperSummary, key = citationKey(paper)): string {
  const fields: [string, string][] = [
    ["title", `{${bibtexValue(paper.title)}}`],
    ["author", bibtexValue(paper.authors.join(" and "))],
    ["year", paperYear(paper)],
    ["eprint", paper.id],
    ["archivePrefix", "arXiv"],
  ];
  if (paper.primaryCategory ?? paper.categories[0]) {
    fields.push(["primaryClass", paper.primaryCategory ?? paper.categories[0] ?? ""]);
  }
  if (paper.doi) fields.push(["doi", bibtexValue(paper.doi)]);
  if (paper.journalRef) fields.push(["journal", bibtexValue(paper.journalRef)]);
  fields.push(["url", arxivAbsUrl(paper.id)]);
  const body = fields.map(([name, value]) => `  ${name} = {${value}}`).join(",\n");
  return `@misc{${key},\n${body}\n}\n`;
}

/** Entries for a list, with keys made unique by a letter suffix (lovelace2026analytical, ...a, ...b). */
export function bibtexList(papers: readonly PaperSummary[]): string {
  const used = new Map<string, number>();
  return papers
    .map((paper) => {
      const base = citationKey(paper);
      const seen = used.get(base) ?? 0;
      used.set(base, seen + 1);
      return bibtexEntry(
        paper,
        seen === 0 ? base : `${base}${String.fromCharCode(96 + Math.min(seen, 26))}${seen > 26 ? seen : ""}`,
      );
    })
    .join("\n");
}
