import { invalid } from "../../core/errors.js";
import { looksLikeBibtex, readBibtex } from "./bibtex-references.js";
import { readIdList } from "./id-list.js";
import type { ReferenceEntry } from "./reference-entry.js";
import { looksLikeRis, readRis } from "./ris-references.js";

export type { ReferenceEntry } from "./reference-entry.js";

/** What a reference file may be: BibTeX, RIS, or a plain list of arXiv ids and links. */
export const REFERENCE_FORMATS = ["bibtex", "ris", "ids"] as const;
export type ReferenceFormat = (typeof REFERENCE_FORMATS)[number];

/** A reference file's size limit: a few thousand entries, as a collection holds at most 5000 papers. */
export const MAX_REFERENCE_FILE_BYTES = 2 * 1024 * 1024;

/** Which format the text is in: BibTeX when a line opens an entry, RIS when one opens a record, else ids. */
export function detectFormat(text: string): ReferenceFormat {
  if (looksLikeBibtex(text)) return "bibtex";
  if (looksLikeRis(text)) return "ris";
  return "ids";
}

/**
 * Reads a reference file into entries, each naming an arXiv paper or a problem at its line. Nothing here
 * touches the network: the text is only ever parsed as the format found or given, never followed as a link.
 */
export async function readReferences(text: string, format = detectFormat(text)): Promise<ReferenceEntry[]> {
  if (Buffer.byteLength(text) > MAX_REFERENCE_FILE_BYTES)
    throw invalid(`a reference file is at most ${MAX_REFERENCE_FILE_BYTES / 1024 / 1024} MB`);
  const lines = text.replace(/\r\n?/g, "\n").replace(/^\uFEFF/, "");
  if (format === "bibtex") return readBibtex(lines);
  if (format === "ris") return readRis(lines);
  return readIdList(lines);
}
