import type { ParsedMail } from "mailparser";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/core/clock.js";
import { importFiles } from "../../src/ingestion/import-files.js";
import type { Database } from "../../src/storage/database.js";
import { describeStorageFault } from "../../src/storage/storage-faults.js";
import { BASE_URL } from "../digests/helpers.js";
import { fixture } from "../helpers/fixtures.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

/**
 * A size-limited database: SQLite refuses to grow the file past `pages` more pages (SQLITE_FULL, "database or
 * disk is full"), exactly as on a full disk. Returns the function that lifts the limit again.
 */
function fillUpAfter(database: Database, pages: number): () => void {
  if (database.native.kind !== "sqlite") throw new Error("a size limit needs SQLite");
  const db = database.native.db;
  db.pragma("wal_checkpoint(TRUNCATE)");
  const count = Number(db.pragma("page_count", { simple: true }));
  db.pragma(`max_page_count = ${count + pages}`);
  return () => db.pragma("max_page_count = 4294967294");
}

async function countOf(database: Database, table: "papers" | "paper_authors"): Promise<number> {
  const row = await database.kysely
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

function _recipients(messages: readonly ParsedMail[]): string[] {
  return messages.map((mail) => (mail.to && "text" in mail.to ? mail.to.text : "")).sort();
}

// The size limit is SQLite's; PostgreSQL has no per-database size limit to set from a test.
describe("a disk that fills up (sqlite)", () => {
  let instance: TestInstance;
  const clock = fixedClock("2026-07-01T12:00:00Z");
  beforeEach(async () => {
    instance = await createTestInstance({ clock, env: { BASE_URL } });
  });
  afterEach(async () => {
    await instance.dispose();
  });

  it("stops an import with a clear error, and a re-run completes it without duplicates", async () => {
    const database = instance.services.database;
    const lift = fillUpAfter(database, 3);
    const options = { format: "listing", batchSize: 20, parallel: false };
    const error = await importFiles(database, [fixture("listing-small.jsonl")], options).catch(
      (e: unknown) => e,
    );
    expect(describeStorageFault(error)).toMatch(/disk or the database is full.*run the same command again/);
    const partly = await countOf(database, "papers");
    expect(partly).toBeLessThan(180);
    lift();
    const report = await importFiles(database, [fixture("listing-small.jsonl")], options);
    expect(report.added + report.unchanged).toBe(180);
    expect(report.unchanged).toBe(partly);
    expect(await countOf(database, "papers")).toBe(180);
  });
});
