import { readFileSync } from "node:fs";
import type { IncomingPaper } from "../../src/core/paper.js";
import { parseListingLine } from "../../src/ingestion/formats/listing.js";
import { upsertPapers } from "../../src/storage/upsert-papers.js";
import type { Backend } from "../helpers/backends.js";
import { fixture } from "../helpers/fixtures.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

/** The listing fixture's papers, each also featured on its arXiv day (the search suites compare with HF's shape). */
export function listingPapers(): IncomingPaper[] {
  return readFileSync(fixture("listing-small.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map(parseListingLine)
    .map((paper) => ({ ...paper, featureOn: paper.announcedOn ?? null }));
}

export function searchInstance(backend: Backend): Promise<TestInstance> {
  return createTestInstance({ backend });
}

/** Stores papers through the product's one upsert, which keeps the keyword index in the same transaction. */
export async function storePapers(instance: TestInstance, papers: readonly IncomingPaper[]): Promise<void> {
  await upsertPapers(instance.services.database, papers, {
    submitterId: null,
    source: "test",
    now: "2026-07-01T00:00:00.000Z",
  });
}
