import { PassThrough } from "node:stream";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { indexQueuedPapers } from "../../src/cli/keyword-index.js";
import { startKeywordIndexing } from "../../src/search/keyword-indexing.js";
import { type SearchRequest, searchPapers } from "../../src/search/search-papers.js";
import { indexPendingPapers, pendingKeywordIndex } from "../../src/storage/keyword-index-queue.js";
import { keywordSearch } from "../../src/storage/keyword-search.js";
import { rebuildKeywordIndex } from "../../src/storage/rebuild-keyword-index.js";
import { upsertPapers } from "../../src/storage/upsert-papers.js";
import type { UpsertOptions } from "../../src/storage/upsert-types.js";
import { BACKENDS } from "../helpers/backends.js";
import { keywordRequest } from "../helpers/keyword.js";
import { incoming, paperRecord } from "../helpers/papers.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const LATER: UpsertOptions = {
  submitterId: 1,
  source: "import",
  now: "2026-06-02T00:00:00.000Z",
  keywordIndex: "later",
};

const paper = (n: number, title: string) =>
  incoming(paperRecord(`2606.${String(n).padStart(5, "0")}`, { title }), "2026-06-02");

describe.each(BACKENDS)("the keyword-index queue (%s)", (backend) => {
  let instance: TestInstance;
  beforeEach(async () => {
    instance = await createTestInstance({ backend });
  });
  afterEach(async () => {
    await instance.dispose();
  });

  const database = () => instance.services.database;
  const found = async (q: string) => {
    const request: SearchRequest = { q, mode: "keyword", offset: 0, limit: 50 };
    const result = await searchPapers(
      { database: database(), semantic: instance.services.semantic },
      request,
    );
    return result.papers.map((p) => p.id);
  };

  it("holds queued papers out of keyword search until it is worked off, then finds them", async () => {
    await upsertPapers(
      database(),
      [paper(1, "Quasicrystal tilings"), paper(2, "Penrose quasicrystal growth"), paper(3, "Unrelated")],
      LATER,
    );
    expect(await pendingKeywordIndex(database())).toBe(3);
    expect(await found("quasicrystal")).toEqual([]);

    const progress: number[] = [];
    expect(await indexPendingPapers(database(), { chunk: 2, onProgress: (n) => progress.push(n) })).toBe(3);
    expect(progress).toEqual([2, 3]);
    expect(await pendingKeywordIndex(database())).toBe(0);
    expect((await found("quasicrystal")).sort()).toEqual(["2606.00001", "2606.00002"]);
    // Nothing left: a second pass indexes nothing.
    expect(await indexPendingPapers(database())).toBe(0);
  });

  it("indexes a queued paper's newest text once, and replaces what an earlier entry said", async () => {
    await upsertPapers(database(), [paper(4, "Old words about lattices")], { ...LATER, keywordIndex: "now" });
    expect(await found("lattices")).toEqual(["2606.00004"]);
    await upsertPapers(database(), [paper(4, "New words about braids")], LATER);
    await upsertPapers(database(), [paper(4, "Newer words about braids and knots")], LATER);
    expect(await pendingKeywordIndex(database())).toBe(1);
    expect(await indexPendingPapers(database())).toBe(1);
    expect(await found("lattices")).toEqual([]);
    expect(await found("knots")).toEqual(["2606.00004"]);
  });

  it("lets a paper that is deleted while queued leave the queue with it", async () => {
    await upsertPapers(database(), [paper(5, "Short-lived"), paper(6, "Long-lived")], LATER);
    await database().kysely.deleteFrom("papers").where("id", "=", "2606.00005").execute();
    expect(await pendingKeywordIndex(database())).toBe(1);
    expect(await indexPendingPapers(database())).toBe(1);
    expect(await found("lived")).toEqual(["2606.00006"]);
  });

  // Ids of the old form sort after every new one; the first submission says which papers are recent. Stored in
  // neither order.
  const SUBMITTED: [string, string][] = [
    ["2606.00001", "2026-06-01"],
    ["hep-th/9901001", "1999-01-04"],
    ["1501.00001", "2015-01-01"],
    ["math/0601001", "2006-01-02"],
    ["2401.00001", "2024-01-01"],
    ["0704.0001", "2007-04-02"],
  ];
  it.each(["the queue", "a rebuild"])("numbers entries by first submission through %s", async (way) => {
    const papers = SUBMITTED.map(([id, day]) =>
      incoming(paperRecord(id, { title: "Lattice gauge theory", published: `${day}T12:00:00.000Z` })),
    );
    await upsertPapers(database(), papers, LATER);
    if (way === "the queue") expect(await indexPendingPapers(database(), { chunk: 1 })).toBe(6);
    else expect(await rebuildKeywordIndex(database())).toBe(6);
    // A ranking that weighs only the newest three entries weighs the three papers submitted last.
    const ranked = await keywordSearch(database(), keywordRequest(["lattice"], false, { rankNewest: 3 }));
    expect(ranked.rankedNewest).toBe(3);
    expect([...ranked.ids].sort()).toEqual(["1501.00001", "2401.00001", "2606.00001"]);
  });

  it("gives each paper to one worker when several work the queue at once", async () => {
    const many = Array.from({ length: 60 }, (_, i) => paper(100 + i, `Shared topic number ${i}`));
    await upsertPapers(database(), many, LATER);
    const counts = await Promise.all([
      indexPendingPapers(database(), { chunk: 7 }),
      indexPendingPapers(database(), { chunk: 7, concurrency: 3 }),
      indexPendingPapers(database(), { chunk: 7 }),
    ]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(60);
    // One call with several lanes: each paper is indexed by exactly one of them.
    const renamed = many.map((p) => ({
      ...p,
      record: { ...p.record, title: `${p.record.title} revisited` },
    }));
    await upsertPapers(database(), renamed, LATER);
    expect(await indexPendingPapers(database(), { chunk: 4, concurrency: 4 })).toBe(60);
    expect(await pendingKeywordIndex(database())).toBe(0);
    expect((await found("revisited")).length).toBe(50);
    expect(await pendingKeywordIndex(database())).toBe(0);
    expect((await found("topic")).length).toBe(50);
  });
});

describe.each(BACKENDS.filter((b) => b === "postgres"))(
  "the keyword-index queue's GIN upkeep (%s)",
  (backend) => {
    let instance: TestInstance;
    beforeEach(async () => {
      instance = await createTestInstance({ backend });
    });
    afterEach(async () => {
      await instance.dispose();
    });

    /** Pages waiting in the GIN indexes' pending lists, merged by asking (gin_clean_pending_list). */
    const pendingPages = async () => {
      const { rows } = await sql<{ indexes: string; pages: string }>`select count(*) as indexes,
          coalesce(sum(gin_clean_pending_list(i.indexrelid)), 0) as pages
        from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam
        where i.indrelid = 'paper_search'::regclass and a.amname = 'gin'`.execute(
        instance.services.database.kysely,
      );
      expect(Number(rows[0]?.indexes)).toBe(2);
      return Number(rows[0]?.pages);
    };

    // GIN keeps new entries in a pending list that every search reads through whole until it is merged.
    it("leaves nothing in the GIN indexes' pending lists once `paperboy index` has worked off the queue", async () => {
      const { database } = instance.services;
      await upsertPapers(database, [paper(1, "Quasicrystal tilings"), paper(2, "Penrose growth")], LATER);
      expect(await indexQueuedPapers(database, new PassThrough())).toBe(2);
      expect(await pendingPages()).toBe(0);
    });

    it("merges on the server's timer the entries written with their papers", async () => {
      const { database } = instance.services;
      const now = { ...LATER, keywordIndex: "now" as const };
      await upsertPapers(database, [paper(1, "Quasicrystal tilings")], now);
      expect(await pendingPages()).toBeGreaterThan(0);
      await upsertPapers(database, [paper(2, "Penrose growth")], now);
      const errors: unknown[] = [];
      const stop = startKeywordIndexing(database, 20, (error) => errors.push(error));
      await new Promise((resolve) => setTimeout(resolve, 300));
      await stop();
      expect(errors).toEqual([]);
      expect(await pendingPages()).toBe(0);
    });
  },
);
