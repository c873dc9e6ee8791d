import type { PaperSummary } from "../../core/paper.js";
import { parseTexText, plainOf } from "../../core/tex-text.js";

/**
 * Citation keys for a list, made unique by a letter suffix (lovelace2026analytical, ...a, ...b), so every export
 * format of one list names each paper the same way.
 */
export function uniqueKeys(papers: readonly PaperSummary[]): string[] {
  const used = new Map<string, number>();
  return papers.map((paper) => {
    const base = citationKey(paper);
    const seen = used.get(base) ?? 0;
    used.set(base, seen + 1);
    if (seen === 0) return base;
    return `${base}${String.fromCharCode(96 + Math.min(seen, 26))}${seen > 26 ? seen : ""}`;
  });
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
  // The title's words as read, not its TeX commands ("\emph{Sharp}" gives "sharp") nor its formulas.
  const word =
    plainOf(parseTexText(paper.title).filter((node) => node.kind !== "math"))
      .split(/\s+/)
      .map(asciiWord)
      .find((w) => w.length > 0 && !STOP_WORDS.has(w)) ?? "";
  return `${surname}${paperYear(paper)}${word}`;
}
