import type { PaperSummary } from "../../core/paper.js";
import { citationKey } from "./bibtex.js";

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
