import type { FastifyInstance } from "fastify";
import { PaperboyClient } from "../../src/client/index.js";
import type { PaperRecord } from "../../src/core/paper.js";
import { importFiles } from "../../src/ingestion/import-files.js";
import type { Services } from "../../src/services.js";
import { upsertPapers } from "../../src/storage/upsert-papers.js";
import { fixture } from "./fixtures.js";
import { listen } from "./server.js";

/** A paper record with sensible defaults, for tests that need papers the listing fixture lacks. */
export function paperRecord(id: string, overrides: Partial<PaperRecord> = {}): PaperRecord {
  return {
    id,
    title: `Paper ${id}`,
    abstract: `The abstract of ${id}.`,
    authors: ["Ada Lovelace", "Alan Turing"],
    categories: ["cs.LG"],
    comment: null,
    journalRef: null,
    doi: null,
    license: null,
    versions: [{ version: 1, created: "2026-06-20T12:00:00Z" }],
    published: "2026-06-20T12:00:00Z",
    updated: "2026-06-20T12:00:00Z",
    withdrawn: false,
    ...overrides,
  };
}

/**
 * Loads the 180-paper listing fixture (60 new papers on each of the arXiv days 2026-06-26, -29 and -30) and
 * features every one of them on its arXiv day, as a curator featuring whole days would: the suites about curated
 * lists need full days.
 */
export async function loadListingFixture(services: Services): Promise<void> {
  await importFiles(services.database, [fixture("listing-small.jsonl")], { format: "listing" });
  await featureEveryNewPaper(services);
}

/** Features every announced paper that is not featured yet on its arXiv day, as the import account. */
export async function featureEveryNewPaper(services: Services): Promise<void> {
  await services.database.kysely
    .insertInto("listing_entries")
    .columns(["paper_id", "listing_day", "submitted_by", "featured_at", "source"])
    .expression((eb) =>
      eb
        .selectFrom("announcements as a")
        .select((e) => [
          "a.paper_id",
          "a.arxiv_day",
          e.val(1).as("submitted_by"),
          e.val(new Date().toISOString()).as("featured_at"),
          e.val("import").as("source"),
        ])
        .where((e) =>
          e.not(
            e.exists(
              e
                .selectFrom("listing_entries as l")
                .whereRef("l.paper_id", "=", "a.paper_id")
                .select("l.paper_id"),
            ),
          ),
        ),
    )
    .execute();
}

export async function addPapers(services: Services, records: PaperRecord[], featureOn: string | null) {
  await upsertPapers(
    services.database,
    records.map((record) => ({ record, featureOn })),
    { submitterId: 1, source: "test", now: "2026-06-26T14:00:00.000Z" },
  );
}

/** Gives `paperId` `count` upvotes from fresh accounts. */
export async function upvote(services: Services, paperId: string, count: number) {
  const db = services.database.kysely;
  for (let i = 0; i < count; i += 1) {
    const handle = `voter-${paperId.replace(/\W/g, "")}-${i}`;
    const user = await db
      .insertInto("users")
      .values({
        handle,
        email: null,
        display_name: handle,
        role: "member",
        created_at: "2026-06-01T00:00:00Z",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("upvotes")
      .values({ user_id: user.id, paper_id: paperId, created_at: "2026-06-26T15:00:00Z" })
      .execute();
  }
}

/** Serves the app on loopback and gives a typed client for it. */
export async function serveWithClient(services: Services, token?: string) {
  const { app, baseUrl } = await listen(services);
  const client = new PaperboyClient({ baseUrl, ...(token ? { token } : {}) });
  return { app: app as FastifyInstance, baseUrl, client };
}
