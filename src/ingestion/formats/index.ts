import { invalid } from "../../core/errors.js";
import type { IncomingPaper } from "../../core/paper.js";
import { parseSnapshotLine } from "./arxiv-snapshot.js";
import { parseListingLine } from "./listing.js";
import { parseAtomDocument, parseHfDailyDocument, parseOaiDocument } from "./saved-responses.js";

/**
 * An import format: either one record per line (JSONL, streamed) or a whole document (a saved API response)
 * that yields many records at once.
 */
export type ImportFormat =
  | { readonly kind: "lines"; readonly parseLine: (line: string) => IncomingPaper }
  | {
      readonly kind: "document";
      /** `file` names the input in errors (with the line and column where one is known). */
      readonly parseDocument: (text: string, file: string) => IncomingPaper[];
    };

const FORMATS: Record<string, ImportFormat> = {
  listing: { kind: "lines", parseLine: parseListingLine },
  "arxiv-snapshot": { kind: "lines", parseLine: parseSnapshotLine },
  "hf-daily": { kind: "document", parseDocument: parseHfDailyDocument },
  atom: { kind: "document", parseDocument: parseAtomDocument },
  oai: { kind: "document", parseDocument: parseOaiDocument },
};

export function formatNames(): string[] {
  return Object.keys(FORMATS);
}

export function importFormat(name: string): ImportFormat {
  const format = FORMATS[name];
  if (!format) throw invalid(`unknown format "${name}" (known: ${formatNames().join(", ")})`);
  return format;
}
