import type { IncomingPaper, PaperRecord } from "../../src/core/paper.js";
import type { Database } from "../../src/storage/database.js";
import { upsertPapers } from "../../src/storage/upsert-papers.js";

/** A paper record with plausible defaults; tests override what they are about. */
export function paperRecord(id: string, overrides: Partial<PaperRecord> = {}): PaperRecord {
  return {
    id,
    title: `Paper ${id}`,
    abstract: `The abstract of ${id}.`,
    authors: ["Ada Lovelace", "Alan Turing"],
    categories: ["cs.LG", "stat.ML"],
    comment: null,
    journalRef: null,
    doi: null,
    license: null,
    versions: [{ version: 1, created: "2026-06-01T12:00:00.000Z" }],
    published: "2026-06-01T12:00:00.000Z",
    updated: "2026-06-01T12:00:00.000Z",
    withdrawn: false,
    ...overrides,
  };
}

export function incoming(
  record: PaperRecord,
  featureOn: string | null = null,
  externalUpvotes: number | null = null,
): IncomingPaper {
  return { record, featureOn, externalUpvotes };
}

/** When importPapers stores papers, unless told otherwise. */
export const IMPORTED_AT = "2026-06-02T00:00:00.000Z";

/** Stores papers as `paperboy import` does (no submitter), keyword index included. */
export function importPapers(database: Database, papers: readonly IncomingPaper[], now = IMPORTED_AT) {
  return upsertPapers(database, papers, { submitterId: null, source: "import", now });
}
