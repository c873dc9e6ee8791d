import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importFiles } from "../../src/ingestion/import-files.js";
import { keywordSearch } from "../../src/storage/keyword-search.js";
import type { KeywordRequest } from "../../src/storage/keyword-types.js";
import { contentlessSearchIndex } from "../../src/storage/migrations/0202-contentless-search-index.js";
import { upsertPapers } from "../../src/storage/upsert-papers.js";
import { fixture } from "../helpers/fixtures.js";
import { paperRecord } from "../helpers/papers.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const LISTING = fixture("listing-small.jsonl");
const GRIS = "2606.26748"; // "Grouped Reverse Importance Sampling for the Partition Function", by Neri Merhav

function request(...phrases: string[]): KeywordRequest {
  return {
    match: { all: phrases.map((p) => [p]), none: [], any: false },
    filters: { categories: [], authors: [], after: null, before: null },
    offset: 0,
    limit: 10,
  };
}

describe("the contentless keyword index (migration 0202, SQLite)", () => {
  let instance: TestInstance;
  beforeEach(async () => {
    instance = await createTestInstance();
    await importFiles(instance.services.database, [LISTING], { format: "listing" });
  });
  afterEach(async () => {
    await instance.dispose();
  });

  const find = async (...phrases: string[]) =>
    (await keywordSearch(instance.services.database, request(...phrases))).ids;
  const one = async (query: string) => {
    const rows = await sql<{ n: number }>`${sql.raw(query)}`.execute(instance.services.database.kysely);
    return Number(rows.rows[0]?.n);
  };

  it("keeps no copy of the text, and refills itself from the stored papers when applied to an instance", async () => {
    const kysely = instance.services.database.kysely;
    await sql`delete from papers_fts`.execute(kysely);
    expect(await find("partition function")).toEqual([]);
    await contentlessSearchIndex.up(kysely, instance.services.database.capabilities);
    expect(await one("select count(*) n from sqlite_schema where name = 'papers_fts_content'")).toBe(0);
    expect(await one("select count(*) n from papers_fts_docsize")).toBe(180);
    await sql`insert into papers_fts (papers_fts, rank) values ('integrity-check', 1)`.execute(kysely);
    // Phrases need positions (detail=full), authors are indexed, BM25 ranks by its column weights.
    expect(await find("grouped reverse importance sampling")).toEqual([GRIS]);
    expect(await find("sampling grouped reverse")).toEqual([]);
    expect(await find("Neri Merhav")).toEqual([GRIS]);
  });

  it("replaces a changed paper's entry and drops a deleted paper's", async () => {
    expect(await find("grouped reverse importance sampling")).toEqual([GRIS]);
    const record = paperRecord(GRIS, {
      title: "Ensemble Estimators of Partition Functions",
      abstract: "A rewritten abstract about estimators.",
      authors: ["Neri Merhav"],
      categories: ["cs.IT"],
      versions: [],
      published: null,
      updated: null,
    });
    const counts = await upsertPapers(instance.services.database, [{ record, featureOn: null }], {
      submitterId: null,
      source: "test",
      now: "2026-07-01T00:00:00.000Z",
    });
    expect(counts.updated).toBe(1);
    expect(await find("grouped reverse importance sampling")).toEqual([]);
    expect(await find("ensemble estimators")).toEqual([GRIS]);
    expect(await one("select count(*) n from papers_fts_docsize")).toBe(180);
    await sql`delete from papers where id = ${GRIS}`.execute(instance.services.database.kysely);
    expect(await find("ensemble estimators")).toEqual([]);
    expect(await one("select count(*) n from papers_fts_docsize")).toBe(179);
    await sql`insert into papers_fts (papers_fts, rank) values ('integrity-check', 1)`.execute(
      instance.services.database.kysely,
    );
  });
});
