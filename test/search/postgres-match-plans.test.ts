import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keywordSearchPostgres, type MatchPlan } from "../../src/storage/postgres/keyword-search.js";
import { BACKENDS } from "../helpers/backends.js";
import { keywordRequest } from "../helpers/keyword.js";
import { importPapers, incoming, paperRecord } from "../helpers/papers.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const id = (n: number) => `2606.${String(n).padStart(5, "0")}`;
const PAPER_COUNT = 3_000;
// "tundra" in every third title, "lichen" in every fifth, both in every seventh abstract.
const PAPERS = Array.from({ length: PAPER_COUNT }, (_, i) =>
  paperRecord(id(i + 1), {
    title: [i % 3 === 0 ? "Tundra" : "Steppe", i % 5 === 0 ? "lichen" : "grass", `survey ${i}`].join(" "),
    abstract: i % 7 === 0 ? "Lichen and tundra, lichen again." : "Field notes.",
    categories: i % 2 === 0 ? ["q-bio.PE"] : ["physics.geo-ph"],
  }),
).map((record) => incoming(record));

const text = (p: (typeof PAPERS)[number]) => `${p.record.title} ${p.record.abstract}`.toLowerCase();
const HOLDING = PAPERS.filter((p) => text(p).includes("tundra") && text(p).includes("lichen")).length;

it("the corpus holds enough matches to be bounded", () => {
  expect(HOLDING).toBeGreaterThan(50);
  expect(HOLDING).toBeLessThan(1_000);
});

// PostgreSQL finds a strict match's newest matches either among all of them through the GIN index or era by era
// from the newest, the window sized from an estimate of how many match (storage/keyword-search.ts): the answer
// is the same whatever the estimate, whether the first window holds the bound, falls short and grows, or
// spans the archive at once.
describe.each(BACKENDS.filter((b) => b === "postgres"))(
  "PostgreSQL's ways to the newest matches (%s)",
  (backend) => {
    let instance: TestInstance | undefined;
    beforeAll(async () => {
      instance = await createTestInstance({ backend });
      // Entries numbered 1,009 apart: the papers spread over 739 eras of 4,096 numbers, about four in each.
      await sql`alter table paper_search alter column seq set increment by 1009`.execute(
        instance.services.database.kysely,
      );
      await importPapers(instance.services.database, PAPERS);
    }, 60_000);
    afterAll(async () => {
      await instance?.dispose();
    });

    // Every way a window can go: holding the bound at once, growing from one era (allBelow 0 keeps it
    // growing), falling short once and finding the rest all at once, spanning the archive from the start.
    const PLANS: readonly MatchPlan[] = [
      { kind: "eras", expected: HOLDING, papers: PAPER_COUNT },
      { kind: "eras", expected: PAPER_COUNT, papers: PAPER_COUNT, allBelow: 0 },
      { kind: "eras", expected: PAPER_COUNT, papers: PAPER_COUNT, allBelow: Number.POSITIVE_INFINITY },
      { kind: "eras", expected: 1, papers: PAPER_COUNT, widest: 5, allBelow: 0 },
      { kind: "eras", expected: 1, papers: PAPER_COUNT, widest: 10_000, allBelow: 0 },
      { kind: "eras", expected: 1, papers: PAPER_COUNT },
      { kind: "eras", expected: 0, papers: 0 },
    ];

    it("ranks the same papers with the same scores and counts, bounded or not, on every page", async () => {
      const db = instance?.services.database.kysely;
      if (!db) throw new Error("no instance");
      const { rows } = await sql<{
        eras: string;
      }>`select count(distinct seq >> 12) as eras from paper_search`.execute(db);
      expect(Number(rows[0]?.eras)).toBeGreaterThan(700);
      for (const [bound, offset] of [
        [50, 0],
        [50, 40],
        [1_000, 0],
        [1_000, 180],
        [1_000, 5_000],
      ] as const) {
        const request = keywordRequest(["tundra", "lichen"], false, { offset, rankNewest: bound });
        const all = await keywordSearchPostgres(db, request, { kind: "all" });
        expect(all.total).toBe(Math.min(bound, HOLDING));
        expect(all.ids.length).toBe(offset >= all.total ? 0 : Math.min(20, all.total - offset));
        for (const plan of PLANS) expect(await keywordSearchPostgres(db, request, plan)).toEqual(all);
      }
    });

    it("keeps to the filters in every window", async () => {
      const db = instance?.services.database.kysely;
      if (!db) throw new Error("no instance");
      const filters = { categories: ["q-bio.PE"], authors: [], after: null, before: null };
      const request = keywordRequest(["tundra", "lichen"], false, { filters, rankNewest: 30, limit: 50 });
      const all = await keywordSearchPostgres(db, request, { kind: "all" });
      expect(all.total).toBe(30);
      const even = new Set(PAPERS.filter((_, i) => i % 2 === 0).map((p) => p.record.id));
      expect(all.ids.every((paper) => even.has(paper))).toBe(true);
      for (const plan of PLANS) expect(await keywordSearchPostgres(db, request, plan)).toEqual(all);
    });
  },
);
