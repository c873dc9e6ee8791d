import type { PaperRecord } from "./paper.js";

/**
 * When a paper reached arXiv, as far as its record tells: the first version's instant and the latest version
 * with its instant (from the versions, else `published` and `updated`), or only the month its id was issued in
 * when the source gave no dates (the listing corpus). New-style ids are YYMM.NNNNN, old-style archive/YYMMNNN.
 */
export interface ArxivDates {
  readonly firstSubmitted: string | null;
  readonly latest: { readonly version: number; readonly submitted: string } | null;
  /** `2026-06` from the id, for records without dates. */
  readonly idMonth: string | null;
}

export function arxivDates(
  paper: Pick<PaperRecord, "id" | "versions" | "published" | "updated">,
): ArxivDates {
  const versions = [...paper.versions].sort((a, b) => a.version - b.version);
  const first = versions[0]?.created ?? paper.published;
  const last = versions.at(-1);
  const latest = last && last.version > 1 ? { version: last.version, submitted: last.created } : null;
  return { firstSubmitted: first ?? null, latest, idMonth: idMonth(paper.id) };
}

function idMonth(id: string): string | null {
  const match = /(?:^|\/)(\d{2})(\d{2})/.exec(id);
  if (!match) return null;
  const yy = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  return `${yy >= 91 ? 1900 + yy : 2000 + yy}-${match[2]}`;
}
