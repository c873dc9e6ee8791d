import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Kysely, sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { indexPendingPapers } from "../../src/storage/keyword-index-queue.js";
import { keywordSearch } from "../../src/storage/keyword-search.js";
import { searchWordCounts } from "../../src/storage/migrations/0204-search-word-counts.js";
import type { Schema } from "../../src/storage/schema.js";
import { upsertPapers } from "../../src/storage/upsert-papers.js";
import { countEachUpTo } from "../../src/storage/word-frequencies.js";
import { BACKENDS } from "../helpers/backends.js";
import { finished, spawnPaperboy } from "../helpers/cli.js";
import { fixture } from "../helpers/fixtures.js";
import { incoming, paperRecord } from "../helpers/papers.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

/** 40 papers that all say "lattice", every fourth one "braid", none "zygomorphic". */
const PAPERS = Array.from({ length: 40 }, (_, i) =>
  incoming(
    paperRecord(`2606.${String(i + 1).padStart(5, "0")}`, {
      title: i % 4 === 0 ? `Lattice braid number ${i}` : `Lattice models number ${i}`,
    }),
    "2026-06-02",
  ),
);
const OPTIONS = { submitterId: null, source: "import", now: "2026-06-02T00:00:00.000Z" } as const;

/**
 * Rows where PostgreSQL's kept word counts and totals differ from a count made afresh from the documents
 * (a word no paper holds any more may keep a row of 0).
 */
async function miscounted(db: Kysely<Schema>): Promise<number> {
  const result = await sql<{ n: string }>`with fresh as (
      select word, count(*)::integer as papers from paper_search, unnest(tsvector_to_array(document)) as word
      group by word
    ), kept as (select word, papers from search_words where papers <> 0)
    select (select count(*) from ((table fresh except table kept) union all (table kept except table fresh)) d)
      + (select count(*) from search_totals t where t.papers <> (select count(*) from paper_search)
          or t.lexemes <> (select coalesce(sum(length(document)), 0) from paper_search)) as n`.execute(db);
  return Number(result.rows[0]?.n);
}

describe.each(BACKENDS)("counting the papers that hold each word (%s)", (backend) => {
  let instance: TestInstance;
  beforeEach(async () => {
    instance = await createTestInstance({ backend });
    await upsertPapers(instance.services.database, PAPERS, OPTIONS);
  });
  afterEach(async () => {
    await instance.dispose();
  });

  it("counts several words and phrases at once, each up to the cap", async () => {
    const database = instance.services.database;
    const counts = await countEachUpTo(database, ["lattice", "braid", "zygomorphic", "lattice braid"], 100);
    expect(Object.fromEntries(counts)).toEqual({
      lattice: 40,
      braid: 10,
      zygomorphic: 0,
      "lattice braid": 10,
    });
    expect(Object.fromEntries(await countEachUpTo(database, ["lattice", "braid"], 5))).toEqual({
      lattice: 5,
      braid: 5,
    });
    expect((await countEachUpTo(database, [], 5)).size).toBe(0);
  });

  it("follows papers that change and papers deleted", async () => {
    const database = instance.services.database;
    const first = PAPERS[0]?.record ?? paperRecord("missing");
    await upsertPapers(database, [incoming({ ...first, title: "Zygomorphic flowers" })], OPTIONS);
    await database.kysely.deleteFrom("papers").where("id", "in", ["2606.00005", "2606.00006"]).execute();
    const counts = await countEachUpTo(database, ["lattice", "braid", "zygomorphic"], 100);
    expect(Object.fromEntries(counts)).toEqual({ lattice: 37, braid: 8, zygomorphic: 1 });
    if (backend === "postgres") expect(await miscounted(database.kysely)).toBe(0);
  });

  it.runIf(backend === "postgres")(
    "counts the papers of a database indexed before the counts were kept (migration 0204)",
    async () => {
      const db = instance.services.database.kysely;
      await sql`drop trigger paper_search_words_insert on paper_search;
        drop trigger paper_search_words_update on paper_search;
        drop trigger paper_search_words_delete on paper_search;
        drop function search_words_upkeep(); drop function search_words_change(tsvector[], tsvector[]);
        drop table search_words; drop table search_totals`.execute(db);
      await searchWordCounts.up(db, instance.services.database.capabilities);
      expect(await miscounted(db)).toBe(0);
      expect(await countEachUpTo(instance.services.database, ["braid"], 100)).toEqual(
        new Map([["braid", 10]]),
      );
      await upsertPapers(
        instance.services.database,
        [incoming(paperRecord("2606.00099", { title: "Braid groups" }))],
        OPTIONS,
      );
      expect(await countEachUpTo(instance.services.database, ["braid"], 100)).toEqual(
        new Map([["braid", 11]]),
      );
      expect(await miscounted(db)).toBe(0);
    },
  );
});

describe.each(BACKENDS)("word counts while several processes import and index at once (%s)", (backend) => {
  let instance: TestInstance;
  let directory: string;
  beforeEach(async () => {
    instance = await createTestInstance({ backend });
    directory = mkdtempSync(join(tmpdir(), "paperboy-words-"));
  });
  afterEach(async () => {
    await instance.dispose();
    rmSync(directory, { recursive: true, force: true });
  });

  it("match the papers the keyword index finds", async () => {
    const lines = readFileSync(fixture("listing-small.jsonl"), "utf8").trim().split("\n");
    // Overlapping halves: the middle papers are written by both processes.
    const halves = [lines.slice(0, 120), lines.slice(60)].map((part, i) => {
      const file = join(directory, `part-${i}.jsonl`);
      writeFileSync(file, `${part.join("\n")}\n`);
      return file;
    });
    const env = { DATABASE_URL: instance.config.databaseUrl };
    const database = instance.services.database;
    const imports = halves.map((file) => finished(spawnPaperboy(["import", file], env)));
    // Meanwhile this process works the queue in small chunks on three connections.
    const lanes = indexPendingPapers(database, { chunk: 7, concurrency: 3 });
    for (const result of await Promise.all(imports)) expect(result.code, result.stderr).toBe(0);
    await lanes;
    const indexers = [0, 1].map(() => finished(spawnPaperboy(["index"], env)));
    await Promise.all([...indexers, indexPendingPapers(database, { chunk: 7, concurrency: 3 })]);
    const words = ["coalition", "consensus", "quantum", "graph", "learning", "networks"];
    const counts = await countEachUpTo(database, words, 1000);
    for (const word of words) {
      const found = await keywordSearch(database, {
        match: { all: [[word]], none: [], any: false },
        filters: { categories: [], authors: [], after: null, before: null },
        offset: 0,
        limit: 1,
      });
      expect(counts.get(word), word).toBe(found.total);
    }
    if (backend === "postgres") expect(await miscounted(database.kysely)).toBe(0);
  });
});
