import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoCorpus } from "../../src/ingestion/demo.js";
import { keywordSearch } from "../../src/storage/keyword-search.js";
import type { KeywordRequest } from "../../src/storage/keyword-types.js";
import { BACKENDS } from "../helpers/backends.js";
import { keywordRequest } from "../helpers/keyword.js";
import { importPapers, incoming, paperRecord } from "../helpers/papers.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const id = (n: number) => `2606.${String(n).padStart(5, "0")}`;
/** The paper that says "lattice" most: the best BM25 match, and the first to reach the index. */
const BEST = id(1);

/** 120 papers saying "lattice" (the first four times, in its title), then 30 that do not. */
const PAPERS = [
  paperRecord(BEST, { title: "Lattice lattice lattice lattice", abstract: "On lattice paths and lattices." }),
  ...Array.from({ length: 119 }, (_, i) =>
    paperRecord(id(i + 2), {
      title: `Paper ${i} on groups`,
      abstract: `A long abstract ${i} about a lattice.`,
    }),
  ),
  ...Array.from({ length: 30 }, (_, i) => paperRecord(id(200 + i), { title: `Braid groups ${i}` })),
];

const lattice = (more: Partial<KeywordRequest> = {}) =>
  keywordRequest(["lattice"], false, { limit: 10, ...more });

describe.each(BACKENDS)("keyword ranking past its bound (%s)", (backend) => {
  let instance: TestInstance;
  beforeAll(async () => {
    instance = await createTestInstance({ backend });
    // One paper per batch, oldest first: the order papers reach the index is the order they arrived.
    for (const record of PAPERS) await importPapers(instance.services.database, [incoming(record)]);
  });
  afterAll(async () => {
    await instance.dispose();
  });
  const search = (request: KeywordRequest) => keywordSearch(instance.services.database, request);
  const newest = new Set(PAPERS.slice(70, 120).map((p) => p.id));

  it("ranks every match and counts them exactly while they are fewer than the bound", async () => {
    const found = await search(lattice());
    expect(found.total).toBe(120);
    expect(found.ids[0]).toBe(BEST);
    expect(found.rankedNewest).toBeUndefined();
    // One more than the matches is still no bound.
    expect((await search(lattice({ rankNewest: 121 }))).rankedNewest).toBeUndefined();
  });

  it("past it, ranks only the newest matches, best first, and says at least how many match", async () => {
    const found = await search(lattice({ rankNewest: 50 }));
    expect(found.rankedNewest).toBe(50);
    expect(found.total).toBe(50);
    // The oldest paper is outside the newest 50 however well it matches; all ten are among the newest 50.
    expect(found.ids).toHaveLength(10);
    expect(found.ids.every((paper) => newest.has(paper))).toBe(true);
    expect(found.scores).toEqual([...found.scores].sort((a, b) => b - a));
  });

  it("bounds a filtered ranking the same way", async () => {
    const found = await search(
      lattice({ rankNewest: 50, filters: { ...lattice().filters, after: "2026-01-01" } }),
    );
    expect(found.rankedNewest).toBe(50);
    expect(found.ids.every((paper) => newest.has(paper))).toBe(true);
    const all = await search(lattice({ filters: { ...lattice().filters, after: "2026-01-01" } }));
    expect(all.total).toBe(120);
    expect(all.ids[0]).toBe(BEST);
  });

  it("pages through the newest matches without repeating one, and counts past the last page", async () => {
    const seen: string[] = [];
    for (let offset = 0; offset < 60; offset += 10)
      seen.push(...(await search(lattice({ rankNewest: 50, offset }))).ids);
    expect(seen).toHaveLength(50);
    expect(new Set(seen).size).toBe(50);
    const past = await search(lattice({ offset: 200 }));
    expect(past.ids).toEqual([]);
    expect(past.total).toBe(120);
  });
});

describe("paperboy_bm25 (native/sqlite-rank.c)", () => {
  let instance: TestInstance;
  beforeAll(async () => {
    instance = await createTestInstance({ backend: "sqlite" });
    await loadDemoCorpus(instance.services.database);
  });
  afterAll(async () => {
    await instance.dispose();
  });

  it("is loaded, and scores every match as FTS5's bm25() does when given the true document counts", async () => {
    const native = instance.services.database.native;
    if (native.kind !== "sqlite") throw new Error("SQLite expected");
    // `npm test` builds the extension first; a build without it would rank with bm25() and pass unnoticed.
    expect(native.rankWithCounts).toBe(true);
    const db = native.db;
    const count = (phrase: string) =>
      (
        db.prepare("select count(*) n from papers_fts where papers_fts match ?").get(`"${phrase}"`) as {
          n: number;
        }
      ).n;
    for (const phrases of [
      ["model"],
      ["language", "model"],
      ["graph neural", "network"],
      ["quantum", "error"],
    ]) {
      const expression = phrases.map((p) => `"${p}"`).join(" AND ");
      const counts = phrases.map(count);
      const rows = db
        .prepare(
          `select bm25(papers_fts, 3.0, 1.0, 0.5) as theirs,
             paperboy_bm25(papers_fts, 3.0, 1.0, 0.5, ${counts.map(() => "?").join(", ")}) as ours
           from papers_fts where papers_fts match ?`,
        )
        .all(...counts, expression) as { theirs: number; ours: number }[];
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row.ours).toBeCloseTo(row.theirs, 9);
    }
  });

  it("refuses a call whose counts do not fit the query's phrases", () => {
    const native = instance.services.database.native;
    if (native.kind !== "sqlite") throw new Error("SQLite expected");
    const call = () =>
      native.db
        .prepare(
          "select paperboy_bm25(papers_fts, 3.0, 1.0, 0.5, 1, 2) from papers_fts where papers_fts match ?",
        )
        .all('"model"');
    expect(call).toThrow(/one document count per phrase/);
  });
});
