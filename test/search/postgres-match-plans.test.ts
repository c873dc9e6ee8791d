import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchDocumentsInline } from "../../src/storage/migrations/0890-search-documents-inline.js";
import { keywordSearchPostgres } from "../../src/storage/postgres/keyword-search.js";
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

/** The two ways run by run: the newest read again to be ranked, or each match ranked as it is found. */
const RUN_PLANS = ["runs", "sparse runs"] as const;

const text = (p: (typeof PAPERS)[number]) => `${p.record.title} ${p.record.abstract}`.toLowerCase();
const HOLDING = PAPERS.filter((p) => text(p).includes("tundra") && text(p).includes("lichen")).length;

it("the corpus holds enough matches to be bounded", () => {
  expect(HOLDING).toBeGreaterThan(50);
  expect(HOLDING).toBeLessThan(1_000);
});

// PostgreSQL finds a strict match's newest matches either among all of them through the document index or run by
// run from the newest through the run index until it has the bound, ranking them after or as it finds them
// (storage/keyword-search.ts chooses): the answer is the same every way, whether the runs stop early or reach
// the first.
describe.each(BACKENDS.filter((b) => b === "postgres"))(
  "PostgreSQL's ways to the newest matches (%s)",
  (backend) => {
    let instance: TestInstance | undefined;
    beforeAll(async () => {
      instance = await createTestInstance({ backend });
      // Entries numbered 1,009 apart: the papers spread over 93 runs of 32,768 numbers, about 32 in each.
      await sql`alter table paper_search alter column seq set increment by 1009`.execute(
        instance.services.database.kysely,
      );
      await importPapers(instance.services.database, PAPERS);
    }, 60_000);
    afterAll(async () => {
      await instance?.dispose();
    });

    it("ranks the same papers with the same scores and counts both ways, bounded or not, on every page", async () => {
      const db = instance?.services.database.kysely;
      if (!db) throw new Error("no instance");
      const { rows } = await sql<{
        runs: string;
      }>`select count(distinct seq >> 15) as runs from paper_search`.execute(db);
      expect(Number(rows[0]?.runs)).toBeGreaterThan(90);
      for (const [bound, offset] of [
        [50, 0],
        [50, 40],
        [1_000, 0],
        [1_000, 180],
        [1_000, 5_000],
      ] as const) {
        const request = keywordRequest(["tundra", "lichen"], false, { offset, rankNewest: bound });
        const all = await keywordSearchPostgres(db, request, "all");
        expect(all.total).toBe(Math.min(bound, HOLDING));
        expect(all.ids.length).toBe(offset >= all.total ? 0 : Math.min(20, all.total - offset));
        for (const plan of RUN_PLANS) expect(await keywordSearchPostgres(db, request, plan)).toEqual(all);
      }
    });

    it("keeps to the filters run by run", async () => {
      const db = instance?.services.database.kysely;
      if (!db) throw new Error("no instance");
      const filters = { categories: ["q-bio.PE"], authors: [], after: null, before: null };
      const request = keywordRequest(["tundra", "lichen"], false, { filters, rankNewest: 30, limit: 50 });
      const all = await keywordSearchPostgres(db, request, "all");
      expect(all.total).toBe(30);
      const even = new Set(PAPERS.filter((_, i) => i % 2 === 0).map((p) => p.record.id));
      expect(all.ids.every((paper) => even.has(paper))).toBe(true);
      for (const plan of RUN_PLANS) expect(await keywordSearchPostgres(db, request, plan)).toEqual(all);
    });

    it("finds through the run index the papers holding the words in the runs asked", async () => {
      const db = instance?.services.database.kysely;
      if (!db) throw new Error("no instance");
      const words = sql`plainto_tsquery('english', 'tundra lichen')`;
      const inRuns = async (first: number, last: number) => {
        const { rows } = await sql<{ n: string }>`select count(*) as n from paper_search s
          where paperboy_run_words(s.document, s.seq) @@ paperboy_in_runs(${words}, ${first}, ${last})`.execute(
          db,
        );
        return Number(rows[0]?.n);
      };
      const { rows } = await sql<{ run: number; n: string }>`select (seq >> 15)::int as run, count(*) as n
        from paper_search where document @@ ${words} group by 1 order by 1`.execute(db);
      expect(rows.reduce((sum, row) => sum + Number(row.n), 0)).toBe(HOLDING);
      for (const row of rows.slice(0, 5)) expect(await inRuns(row.run, row.run)).toBe(Number(row.n));
      const last = rows.at(-1)?.run ?? 0;
      expect(await inRuns(0, last)).toBe(HOLDING);
      expect(await inRuns(last - 9, last)).toBe(
        rows.filter((row) => row.run > last - 10).reduce((sum, row) => sum + Number(row.n), 0),
      );
    });

    // The run index is asked for the words alone: the document checks a phrase's order and the exclusions.
    it("checks phrases and exclusions on the documents found run by run", async () => {
      const db = instance?.services.database.kysely;
      if (!db) throw new Error("no instance");
      const requests = [
        keywordRequest(["lichen again", "tundra"], false, { rankNewest: 40 }),
        keywordRequest(["lichen tundra", "survey"], false, { rankNewest: 40 }),
        {
          ...keywordRequest(["lichen", "tundra"], false, { rankNewest: 40 }),
          match: { all: [["lichen"], ["tundra"]], none: ["grass"], any: false },
        },
      ];
      const totals: number[] = [];
      for (const request of requests) {
        const all = await keywordSearchPostgres(db, request, "all");
        totals.push(all.total);
        for (const plan of RUN_PLANS) expect(await keywordSearchPostgres(db, request, plan)).toEqual(all);
      }
      // "lichen tundra" is in no paper ("and" stands between them); "lichen again" in every seventh abstract.
      expect(totals).toEqual([40, 0, 40]);
    });

    // Migration 0890: a document longer than PostgreSQL's 2,032 bytes stays in its row, not in the TOAST table,
    // and is found and ranked from there.
    it("keeps a long document in its row", async () => {
      const database = instance?.services.database;
      if (!database) throw new Error("no instance");
      const words = Array.from({ length: 250 }, (_, i) => `glacierword${i.toString(36)}`).join(" ");
      await importPapers(database, [
        incoming(paperRecord(id(9_999), { title: "Moraine survey", abstract: words })),
      ]);
      const { rows } = await sql<{ size: number; toast: string }>`select pg_column_size(s.document) as size,
          pg_relation_size((select reltoastrelid from pg_class where relname = 'paper_search')) as toast
        from paper_search s where s.paper_id = ${id(9_999)}`.execute(database.kysely);
      expect(rows[0]?.size).toBeGreaterThan(4_000);
      expect(Number(rows[0]?.toast)).toBe(0);
      const found = await keywordSearchPostgres(
        database.kysely,
        keywordRequest(["moraine", "glacierword6x"], false),
      );
      expect(found.ids).toEqual([id(9_999)]);
    });

    it("moves documents written to the TOAST table before migration 0890 into their rows", async () => {
      const database = instance?.services.database;
      if (!database) throw new Error("no instance");
      const db = database.kysely;
      const toast = async () => {
        const { rows } = await sql<{ size: string }>`select pg_relation_size(reltoastrelid) as size
          from pg_class where relname = 'paper_search'`.execute(db);
        return Number(rows[0]?.size);
      };
      // As before 0890: a long document written again goes to the TOAST table.
      await sql`alter table paper_search reset (toast_tuple_target)`.execute(db);
      await sql`update paper_search set document = document || 'moraineextra'::tsvector
        where paper_id = ${id(9_999)}`.execute(db);
      expect(await toast()).toBeGreaterThan(0);
      await searchDocumentsInline.up(db, database.capabilities);
      expect(await toast()).toBe(0);
      const found = await keywordSearchPostgres(db, keywordRequest(["moraineextra", "glacierword6x"], false));
      expect(found.ids).toEqual([id(9_999)]);
    });
  },
);
