import type { PaperRecord } from "../../src/core/paper.js";
import type { Database } from "../../src/storage/database.js";
import { upsertPapers } from "../../src/storage/upsert-papers.js";

export const HOSTILE_ID = "2606.99999";
export const HOSTILE_DAY = "2026-06-30";

/** Text that ends a CDATA section twice and then writes elements of its own. */
const BREAK_OUT = "]]><link>http://evil.test/</link><![CDATA[ and again ]]><guid>evil</guid>";

export function hostileRecord(overrides: Partial<PaperRecord> = {}): PaperRecord {
  return {
    id: HOSTILE_ID,
    title: `A title ${BREAK_OUT} <script>alert(1)</script> & more`,
    abstract: `An abstract ${BREAK_OUT} with "quotes" & <b>tags</b>.`,
    authors: [`Ada ${BREAK_OUT}`, "Bob <b>Bold</b> & Co"],
    categories: ["cs.CL"],
    comment: null,
    journalRef: null,
    doi: null,
    license: null,
    versions: [{ version: 1, created: "2026-06-29T10:00:00.000Z" }],
    published: "2026-06-29T10:00:00.000Z",
    updated: "2026-06-29T10:00:00.000Z",
    withdrawn: false,
    ...overrides,
  };
}

/** Stores a paper with hostile title, authors and abstract, featured on HOSTILE_DAY. */
export async function storeHostilePaper(database: Database, overrides: Partial<PaperRecord> = {}) {
  return upsertPapers(database, [{ record: hostileRecord(overrides), featureOn: HOSTILE_DAY }], {
    submitterId: null,
    source: "test",
    now: "2026-06-30T12:00:00.000Z",
  });
}
