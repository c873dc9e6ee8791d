import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importFiles } from "../../src/ingestion/import-files.js";
import { getPaper } from "../../src/storage/papers.js";
import { BACKENDS } from "../helpers/backends.js";
import { fixture } from "../helpers/fixtures.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";
import { writeStamp } from "../helpers/writes.js";

const LISTING = fixture("listing-small.jsonl");
const lines = () => readFileSync(LISTING, "utf8").trim().split("\n");

async function tableCounts(instance: TestInstance) {
  const db = instance.services.database.kysely;
  const count = async (
    table: "papers" | "paper_authors" | "paper_categories" | "listing_entries" | "announcements",
  ) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    papers: await count("papers"),
    authors: await count("paper_authors"),
    categories: await count("paper_categories"),
    listings: await count("listing_entries"),
    announcements: await count("announcements"),
  };
}

describe.each(BACKENDS)("import --format listing (%s)", (backend) => {
  let instance: TestInstance;
  beforeEach(async () => {
    instance = await createTestInstance({ backend });
  });
  afterEach(async () => {
    await instance.dispose();
  });

  it("loads every paper with its authors and categories, as a new paper of its arXiv day, featured by nobody", async () => {
    const report = await importFiles(instance.services.database, [LISTING], { format: "listing" });
    expect(report).toMatchObject({ added: 180, updated: 0, unchanged: 0, rejected: 0, featured: 0 });
    const first = JSON.parse(lines()[0] ?? "{}");
    const paper = await getPaper(instance.services.database, first.id);
    expect(paper?.title).toBe(first.title.replace(/\s+/g, " ").trim());
    expect(paper?.authors).toEqual(first.authors);
    expect(paper?.arxivDay).toBe(first.listed_on);
    expect(paper?.listingDay).toBeNull();
    expect(paper?.submittedBy).toBeNull();
    expect(await tableCounts(instance)).toMatchObject({ papers: 180, announcements: 180, listings: 0 });
  });

  it("writes nothing when the same file is imported again", async () => {
    await importFiles(instance.services.database, [LISTING], { format: "listing" });
    const before = await tableCounts(instance);
    const stampBefore = await writeStamp(instance.services.database);
    const again = await importFiles(instance.services.database, [LISTING], { format: "listing" });
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 180, rejected: 0, featured: 0 });
    expect(await tableCounts(instance)).toEqual(before);
    expect(await writeStamp(instance.services.database)).toEqual(stampBefore);
  });

  it("updates a paper whose metadata changed and replaces its authors", async () => {
    await importFiles(instance.services.database, [LISTING], { format: "listing" });
    const first = JSON.parse(lines()[0] ?? "{}");
    const revised = { ...first, title: "A revised title", authors: ["Only Author"] };
    const file = join(instance.directory, "revised.jsonl");
    writeFileSync(file, `${JSON.stringify(revised)}\n`);
    const report = await importFiles(instance.services.database, [file], { format: "listing" });
    expect(report).toMatchObject({ added: 0, updated: 1, unchanged: 0 });
    const paper = await getPaper(instance.services.database, first.id);
    expect(paper?.title).toBe("A revised title");
    expect(paper?.authors).toEqual(["Only Author"]);
  });

  it("reports malformed lines with file and line number and imports the rest", async () => {
    const all = lines();
    const broken = [all[0], "{not json", all[1], JSON.stringify({ id: "banana", title: "x" }), all[2]].join(
      "\n",
    );
    const file = join(instance.directory, "broken.jsonl");
    writeFileSync(file, broken);
    const report = await importFiles(instance.services.database, [file], { format: "listing" });
    expect(report).toMatchObject({ added: 3, rejected: 2 });
    expect(report.problems.map((p) => [p.file, p.line])).toEqual([
      [file, 2],
      [file, 4],
    ]);
    expect(report.problems[0]?.message).toMatch(/not valid JSON/);
    expect(report.problems[1]?.message).toMatch(/not an arXiv id/);
  });

  it("with strict, stops at the first bad line and commits nothing of that batch", async () => {
    const all = lines();
    const file = join(instance.directory, "strict.jsonl");
    writeFileSync(file, [...all.slice(0, 10), "{oops", ...all.slice(10, 20)].join("\n"));
    await expect(
      importFiles(instance.services.database, [file], { format: "listing", strict: true, batchSize: 100 }),
    ).rejects.toThrow(/strict\.jsonl:11: .*not valid JSON.*--strict/);
    expect((await tableCounts(instance)).papers).toBe(0);
  });

  it("reads gzip by its magic bytes and names the file when it is cut off", async () => {
    const gz = gzipSync(readFileSync(LISTING));
    const whole = join(instance.directory, "listing.data");
    writeFileSync(whole, gz);
    expect((await importFiles(instance.services.database, [whole], { format: "listing" })).added).toBe(180);

    const other = await createTestInstance({ backend });
    try {
      const cut = join(other.directory, "cut.jsonl.gz");
      writeFileSync(cut, gz.subarray(0, Math.floor(gz.length / 2)));
      await expect(
        importFiles(other.services.database, [cut], { format: "listing", batchSize: 10 }),
      ).rejects.toThrow(/cut\.jsonl\.gz: unreadable after line \d+ \(unexpected end of file\)/);
      // Whole records before the cut are kept, and a re-run with the full file completes the job.
      const kept = (await tableCounts(other)).papers;
      expect(kept).toBeGreaterThan(0);
      writeFileSync(cut, gz);
      const rerun = await importFiles(other.services.database, [cut], { format: "listing" });
      expect(rerun.unchanged).toBe(kept);
      expect(rerun.added).toBe(180 - kept);
    } finally {
      await other.dispose();
    }
  });

  it("keeps hostile markup as text", async () => {
    const first = JSON.parse(lines()[0] ?? "{}");
    const hostile = {
      ...first,
      title: '<img src=x onerror="alert(1)"> & $x<y$',
      summary: "<script>alert(1)</script>",
    };
    const file = join(instance.directory, "hostile.jsonl");
    writeFileSync(file, JSON.stringify(hostile));
    await importFiles(instance.services.database, [file], { format: "listing" });
    const paper = await getPaper(instance.services.database, first.id);
    expect(paper?.title).toBe(hostile.title);
    expect(paper?.abstract).toBe(hostile.summary);
  });
});
