import { readFileSync } from "node:fs";
import { sql } from "kysely";
import type { IncomingPaper } from "../../src/core/paper.js";
import { parseListingLine } from "../../src/ingestion/formats/listing.js";
import { refreshSearchDocumentsPostgres } from "../../src/storage/postgres/search-documents.js";
import { upsertPapers } from "../../src/storage/upsert-papers.js";
import { fixture } from "../helpers/fixtures.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL names a server (its tables are emptied first). */
export const BACKENDS: readonly ("sqlite" | "postgres")[] = process.env.TEST_DATABASE_URL
  ? ["sqlite", "postgres"]
  : ["sqlite"];

export function listingPapers(): IncomingPaper[] {
  return readFileSync(fixture("listing-small.jsonl"), "utf8").trim().split("\n").map(parseListingLine);
}

export async function searchInstance(backend: "sqlite" | "postgres"): Promise<TestInstance> {
  const databaseUrl = backend === "postgres" ? process.env.TEST_DATABASE_URL : undefined;
  const instance = await createTestInstance(databaseUrl ? { databaseUrl } : {});
  if (backend === "postgres") await sql`truncate papers cascade`.execute(instance.services.database.kysely);
  return instance;
}

/**
 * Stores papers the way each backend's write path does. PostgreSQL's bulk upsert is still to come (issue #8), so
 * there the rows are written directly and the keyword index refreshed in the same transaction, as that upsert
 * will do.
 */
export async function storePapers(instance: TestInstance, papers: readonly IncomingPaper[]): Promise<void> {
  const { database } = instance.services;
  const now = "2026-07-01T00:00:00.000Z";
  if (database.capabilities.dialect === "sqlite") {
    await upsertPapers(database, papers, { submitterId: null, source: "test", now });
    return;
  }
  await database.kysely.transaction().execute(async (trx) => {
    for (const { record, featureOn } of papers) {
      const paper = {
        id: record.id,
        title: record.title,
        abstract: record.abstract,
        comment: record.comment,
        primary_category: record.categories[0] ?? null,
        published: record.published,
        withdrawn: 0,
        content_hash: "test",
        created_at: now,
        modified_at: now,
      };
      await trx
        .insertInto("papers")
        .values(paper)
        .onConflict((oc) => oc.column("id").doUpdateSet(paper))
        .execute();
      await trx.deleteFrom("paper_authors").where("paper_id", "=", record.id).execute();
      await trx.deleteFrom("paper_categories").where("paper_id", "=", record.id).execute();
      const authors = record.authors.map((name, position) => ({ paper_id: record.id, position, name }));
      const categories = record.categories.map((category, position) => ({
        paper_id: record.id,
        position,
        category,
      }));
      if (authors.length > 0) await trx.insertInto("paper_authors").values(authors).execute();
      if (categories.length > 0) await trx.insertInto("paper_categories").values(categories).execute();
      if (featureOn) {
        await trx
          .insertInto("listing_entries")
          .values({ paper_id: record.id, listing_day: featureOn, featured_at: now, source: "test" })
          .onConflict((oc) => oc.column("paper_id").doNothing())
          .execute();
      }
    }
    await refreshSearchDocumentsPostgres(
      trx,
      papers.map((p) => p.record.id),
    );
  });
}
