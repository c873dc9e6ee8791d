import type { PaperRecord } from "./paper.js";

/**
 * The most of each field a stored paper keeps. Real arXiv metadata stays well inside them (abstracts are
 * limited to 1,920 characters at submission; the largest collaborations list about 3,000 authors, cut here to
 * the first 1,000), while a hostile record with a 400 KB abstract and 2,000 authors made a 1.4 MB page.
 */
export const RECORD_LIMITS = {
  title: 1_000,
  abstract: 10_000,
  authors: 1_000,
  authorName: 300,
  comment: 1_000,
  journalRef: 500,
  doi: 200,
  license: 200,
} as const;

// C0 controls but tab, newline and return; DEL; C1 controls; non-characters U+FFFE/FFFF; lone surrogates.
const CONTROL = /(?![\t\n\r])\p{Cc}|[\uFFFE\uFFFF]|\p{Cs}/gu;

export interface BoundedRecord {
  readonly record: PaperRecord;
  /** The fields that were cut to their limit (control characters removed are not counted as a cut). */
  readonly cut: readonly string[];
}

/** A record with control characters removed from its text and each field held to RECORD_LIMITS. */
export function boundRecord(record: PaperRecord): BoundedRecord {
  const cut: string[] = [];
  const text = (field: keyof typeof RECORD_LIMITS, value: string): string => {
    const clean = value.replace(CONTROL, "");
    if (clean.length <= RECORD_LIMITS[field]) return clean;
    cut.push(field);
    return clean.slice(0, RECORD_LIMITS[field]);
  };
  const optional = (field: keyof typeof RECORD_LIMITS, value: string | null) =>
    value === null ? null : text(field, value);
  const authors = record.authors.slice(0, RECORD_LIMITS.authors).map((name) => text("authorName", name));
  if (record.authors.length > RECORD_LIMITS.authors) cut.push("authors");
  return {
    record: {
      ...record,
      title: text("title", record.title),
      abstract: text("abstract", record.abstract),
      authors,
      comment: optional("comment", record.comment),
      journalRef: optional("journalRef", record.journalRef),
      doi: optional("doi", record.doi),
      license: optional("license", record.license),
    },
    cut: [...new Set(cut)],
  };
}
