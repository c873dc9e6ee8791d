import { arxivIdOfReference, type ReferenceField } from "../../core/reference-ids.js";

/**
 * One entry of a reference file, read: the arXiv id it names, or what is wrong with it. `line` is where the
 * entry starts (counted from 1), so a person can find it in their file.
 */
export type ReferenceEntry =
  | { readonly line: number; readonly paperId: string }
  | { readonly line: number; readonly problem: string };

/** A piece of a reference file that holds one entry, with the line it starts on. */
export interface Chunk {
  readonly line: number;
  readonly text: string;
}

/** How an entry is named in a problem: its key or title when it has one. */
export function entryName(label: string | undefined): string {
  return label ? `entry "${label.slice(0, 80)}"` : "this entry";
}

/** The entry's id from its fields, or the problem of naming none. */
export function entryFromFields(
  line: number,
  label: string | undefined,
  fields: readonly ReferenceField[],
): ReferenceEntry {
  const paperId = arxivIdOfReference(fields);
  if (paperId) return { line, paperId };
  return {
    line,
    problem: `${entryName(label)} names no arXiv paper (an eprint, an arXiv DOI or an arxiv.org link)`,
  };
}

/** A field value as text: parsers hand back numbers (years) and lists (repeated RIS tags). */
export function fieldsOf(record: Record<string, unknown>): ReferenceField[] {
  return Object.entries(record).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value])
      .filter((one) => typeof one === "string" || typeof one === "number")
      .map((one): ReferenceField => [name.toLowerCase(), String(one)]),
  );
}

// Parsing takes about a millisecond an entry (1.8 s for 2,000 BibTeX entries with abstracts, at load 11): a big
// file lets other requests in between batches of this many.
const ENTRIES_BETWEEN_PAUSES = 50;

/** Gives the event loop a turn every few entries, so one large import does not stall the server. */
export async function pauseEveryFewEntries(index: number): Promise<void> {
  if (index > 0 && index % ENTRIES_BETWEEN_PAUSES === 0)
    await new Promise((resolve) => setImmediate(resolve));
}
