import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { countFeatured, featuredIds } from "../../src/storage/featured.js";
import { getPaper, getSummaries } from "../../src/storage/papers.js";
import { upsertPapers } from "../../src/storage/upsert-papers.js";
import type { UpsertOptions } from "../../src/storage/upsert-types.js";
import { BACKENDS } from "../helpers/backends.js";
import { incoming, paperRecord } from "../helpers/papers.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const OPTIONS: UpsertOptions = { submitterId: 1, source: "import", now: "2026-06-02T00:00:00.000Z" };
const v = (version: number, day: string) => ({ version, created: `2026-06-${day}T12:00:00.000Z` });

describe.each(BACKENDS)("upsertPapers (%s)", (backend) => {
  let instance: TestInstance;
  const upsert = (papers: Parameters<typeof upsertPapers>[1]) =>
    upsertPapers(instance.services.database, papers, OPTIONS);
  beforeEach(async () => {
    instance = await createTestInstance({ backend });
  });
  afterEach(async () => {
    await instance.dispose();
  });

  it("reads a page of summaries in the order asked, each paper's authors and categories in theirs", async () => {
    const authors = ["Zoe Young", "Ada Lovelace", "Mia Brown"];
    await upsert([
      incoming(paperRecord("2606.00011", { authors, categories: ["stat.ML", "cs.LG", "math.ST"] })),
      incoming(paperRecord("2606.00012", { authors: [], categories: ["cs.CL"] })),
    ]);
    const { database } = instance.services;
    const page = await getSummaries(database, ["2606.00012", "2606.99999", "2606.00011"]);
    expect(page.map((p) => [p.id, p.authors, p.categories])).toEqual([
      ["2606.00012", [], ["cs.CL"]],
      ["2606.00011", authors, ["stat.ML", "cs.LG", "math.ST"]],
    ]);
    const { versions: _, ...summary } = (await getPaper(database, "2606.00011")) ?? { versions: [] };
    expect(page[1]).toEqual(summary);
  });

  it("stores a paper with its versions, authors and categories, and reads numbers as numbers", async () => {
    const record = paperRecord("2606.00001", { versions: [v(1, "01"), v(2, "05")], doi: "10.1/x" });
    expect(await upsert([incoming(record, "2026-06-02", 7)])).toEqual({
      added: 1,
      updated: 0,
      unchanged: 0,
      featured: 1,
      cut: 0,
    });
    const paper = await getPaper(instance.services.database, "2606.00001");
    expect(paper).toMatchObject({
      title: "Paper 2606.00001",
      authors: ["Ada Lovelace", "Alan Turing"],
      categories: ["cs.LG", "stat.ML"],
      primaryCategory: "cs.LG",
      doi: "10.1/x",
      withdrawn: false,
      listingDay: "2026-06-02",
      submittedBy: "paperboy",
      upvotes: 0,
      externalUpvotes: 7,
      commentCount: 0,
      versions: [
        { version: 1, created: "2026-06-01T12:00:00.000Z" },
        { version: 2, created: "2026-06-05T12:00:00.000Z" },
      ],
    });
  });

  it("never lets an older version overwrite newer metadata, but keeps its version row", async () => {
    await upsert([incoming(paperRecord("2606.00002", { title: "New", versions: [v(2, "05")] }))]);
    const counts = await upsert([
      incoming(paperRecord("2606.00002", { title: "Old", versions: [v(1, "01")] })),
    ]);
    expect(counts).toMatchObject({ updated: 0, unchanged: 1 });
    const paper = await getPaper(instance.services.database, "2606.00002");
    expect(paper?.title).toBe("New");
    expect(paper?.versions.map((x) => x.version)).toEqual([1, 2]);
  });

  it("replaces authors and categories on change and features a paper only once", async () => {
    await upsert([incoming(paperRecord("2606.00003"), "2026-06-02")]);
    const changed = paperRecord("2606.00003", { authors: ["Grace Hopper"], categories: ["math.CO"] });
    expect(await upsert([incoming(changed, "2026-06-09", 3)])).toEqual({
      added: 0,
      updated: 1,
      unchanged: 0,
      featured: 0,
      cut: 0,
    });
    const paper = await getPaper(instance.services.database, "2606.00003");
    expect(paper).toMatchObject({ authors: ["Grace Hopper"], categories: ["math.CO"] });
    expect(paper).toMatchObject({ listingDay: "2026-06-02", externalUpvotes: 3 });
  });

  it("writes a paper that occurs twice in one batch as its last record says", async () => {
    const first = paperRecord("2606.00004", { title: "First", authors: ["A", "B", "C"] });
    const second = paperRecord("2606.00004", { title: "Second", authors: ["D"] });
    const counts = await upsert([incoming(first, "2026-06-02", 1), incoming(second, "2026-06-03", 4)]);
    expect(counts).toEqual({ added: 1, updated: 1, unchanged: 0, featured: 1, cut: 0 });
    const paper = await getPaper(instance.services.database, "2606.00004");
    expect(paper).toMatchObject({
      title: "Second",
      authors: ["D"],
      listingDay: "2026-06-02",
      externalUpvotes: 4,
    });
  });

  it("lists a period most upvoted first with a numeric total, the same on every backend", async () => {
    const papers = ["01", "02", "03", "04", "05"].map((n, i) =>
      incoming(
        paperRecord(`2606.100${n}`),
        i < 3 ? "2026-06-02" : "2026-06-03",
        [5, 9, null, 2, 9][i] ?? null,
      ),
    );
    await upsert(papers);
    const { database } = instance.services;
    const june = { first: "2026-06-01", last: "2026-06-30" };
    expect(await countFeatured(database, june)).toBe(5);
    expect(await featuredIds(database, june, { offset: 0, limit: 3 })).toEqual([
      "2606.10005",
      "2606.10004",
      "2606.10002",
    ]);
    const ids = await featuredIds(database, { ...june, sort: "upvotes" }, { offset: 1, limit: 10 });
    const byVotes = await getSummaries(database, ids);
    expect(byVotes.map((p) => [p.id, p.externalUpvotes])).toEqual([
      ["2606.10005", 9],
      ["2606.10001", 5],
      ["2606.10004", 2],
      ["2606.10003", null],
    ]);
    expect(typeof byVotes[0]?.upvotes).toBe("number");
  });
});
