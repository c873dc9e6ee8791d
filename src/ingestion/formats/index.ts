import { invalid } from "../../core/errors.js";
import type { IncomingPaper } from "../../core/paper.js";
import { parseListingLine } from "./listing.js";

/**
 * An import format: either one record per line (JSONL, streamed) or a whole document (a saved API response)
 * that yields many records at once.
 */
export type ImportFormat =
  | { readonly kind: "lines"; readonly parseLine: (line: string) => IncomingPaper }
  | { readonly kind: "document"; readonly parseDocument: (text: string) => IncomingPaper[] };

const FORMATS: Record<string, ImportFormat> = {
  listing: { kind: "lines", parseLine: parseListingLine },
};

export function formatNames(): string[] {
  return Object.keys(FORMATS);
}

export function importFormat(name: string): ImportFormat {
  const format = FORMATS[name];
  if (!format) throw invalid(`unknown format "${name}" (known: ${formatNames().join(", ")})`);
  return format;
}
