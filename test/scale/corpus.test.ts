import { createHash } from "node:crypto";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CorpusOptions, generateCorpus, writeRecords } from "../../bench/corpus/generate.js";
import type { SnapshotRecord } from "../../bench/corpus/snapshot-record.js";
import { readSourceSet, type SourceSet } from "../../bench/corpus/source-papers.js";
import { parseArxivId } from "../../src/core/arxiv-id.js";
import { collapseWhitespace } from "../../src/core/text.js";
import { parseSnapshotLine } from "../../src/ingestion/formats/arxiv-snapshot.js";
import { importFiles } from "../../src/ingestion/import-files.js";
import { DEMO_CORPUS } from "../../src/paths.js";
import { LsaSource } from "../../src/search/embedders/lsa-source.js";
import { LSA_DEFAULTS } from "../../src/search/lsa/train.js";
import { searchPapers } from "../../src/search/search-papers.js";
import { SemanticIndex } from "../../src/search/semantic-index.js";
import { indexPendingPapers } from "../../src/storage/keyword-index-queue.js";
import { papersTitled } from "../../src/storage/keyword-search.js";
import { BACKENDS } from "../helpers/backends.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const PAPERS = 20_000;

/** The generated lines, and a digest of all of them for comparing two runs. */
function generated(source: SourceSet, options: CorpusOptions) {
  const digest = createHash("sha256");
  const records: SnapshotRecord[] = [];
  for (const record of generateCorpus(source, options)) {
    digest.update(`${JSON.stringify(record)}\n`);
    records.push(record);
  }
  return { records, digest: digest.digest("hex") };
}

/** The id's month as YYYY-MM (old-style YYMM and new-style YYMM both start at the archive's 1991). */
function idMonth(id: string): string {
  const yymm = /(\d{4})(?:\.\d+|\d{3})$/.exec(id)?.[1] ?? "";
  const yy = Number(yymm.slice(0, 2));
  return `${yy >= 91 ? 1900 + yy : 2000 + yy}-${yymm.slice(2)}`;
}

let source: SourceSet;
let first: ReturnType<typeof generated>;
beforeAll(async () => {
  source = await readSourceSet([DEMO_CORPUS]);
  first = generated(source, { papers: PAPERS, seed: 7 });
}, 300_000);

describe("the generated corpus (from the bundled demo papers)", () => {
  it("is the same for the same seed and differs for another", () => {
    expect(first.records).toHaveLength(PAPERS);
    expect(generated(source, { papers: PAPERS, seed: 7 }).digest).toBe(first.digest);
    expect(generated(source, { papers: 500, seed: 8 }).records[0]).not.toEqual(first.records[0]);
  });

  it("has valid, unique ids of both styles, none taken from the source papers", () => {
    const ids = first.records.map((r) => r.id);
    for (const id of ids) expect(parseArxivId(id).id).toBe(id);
    expect(new Set(ids).size).toBe(PAPERS);
    expect(ids.some((id) => id.includes("/"))).toBe(true);
    expect(ids.some((id) => /^\d{4}\.\d{4}$/.test(id))).toBe(true);
    expect(ids.some((id) => /^\d{4}\.\d{5}$/.test(id))).toBe(true);
    expect(ids.filter((id) => source.ids.has(id))).toEqual([]);
  });

  it("never repeats an abstract or a title", () => {
    const abstracts = first.records.map((r) => collapseWhitespace(r.abstract));
    expect(new Set(abstracts).size).toBe(PAPERS);
    const titles = first.records.map((r) => collapseWhitespace(r.title).toLowerCase());
    expect(new Set(titles).size).toBe(PAPERS);
  });

  it("dates versions in order from the id's month, and the update date is the last version's", () => {
    for (const record of first.records) {
      const times = record.versions.map((v) => Date.parse(v.created));
      expect(record.versions.map((v) => v.version)).toEqual(times.map((_, i) => `v${i + 1}`));
      expect(new Date(times[0] ?? 0).toISOString().slice(0, 7)).toBe(idMonth(record.id));
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      expect(record.update_date).toBe(new Date(times.at(-1) ?? 0).toISOString().slice(0, 10));
    }
  });

  it("reads back through the snapshot import's parser, with authors and categories", () => {
    for (const record of first.records.slice(0, 2_000)) {
      const paper = parseSnapshotLine(JSON.stringify(record)).record;
      expect(paper.id).toBe(record.id);
      expect(paper.authors.length).toBeGreaterThan(0);
      expect(paper.categories[0]).toBe(record.categories.split(" ")[0]);
      expect(paper.versions).toHaveLength(record.versions.length);
    }
  });
});

/** The embedder learns from a sample this much smaller than the corpus, and embeds the rest in a stream. */
const SAMPLE = 4_000;

describe.each(BACKENDS)("the generated corpus imported and embedded in a stream (%s)", (backend) => {
  let instance: TestInstance;
  let semantic: SemanticIndex;
  beforeAll(async () => {
    instance = await createTestInstance({ backend });
    const file = join(instance.directory, "corpus.jsonl.gz");
    await writeRecords(file, first.records);
    const { database, clock } = instance.services;
    const report = await importFiles(database, [file], { format: "arxiv-snapshot", keywordIndex: "later" });
    expect(report).toMatchObject({ added: PAPERS, rejected: 0 });
    expect(await indexPendingPapers(database)).toBe(PAPERS);
    semantic = new SemanticIndex(
      database,
      new LsaSource(database, clock, { ...LSA_DEFAULTS, maxTrainingPapers: SAMPLE }),
    );
    expect(await semantic.refresh()).toBe(PAPERS);
  }, 600_000);
  afterAll(() => instance.dispose());

  it("gives every paper a vector, and finds every paper by its exact title", async () => {
    expect(semantic.size).toBe(PAPERS);
    const lost: string[] = [];
    // Fifty lookups at a time: one at a time, 20,000 round trips to PostgreSQL take a minute on a busy machine.
    for (let i = 0; i < PAPERS; i += 50) {
      await Promise.all(
        first.records.slice(i, i + 50).map(async (record) => {
          const ids = await papersTitled(instance.services.database, collapseWhitespace(record.title));
          if (!ids.includes(record.id)) lost.push(record.id);
        }),
      );
    }
    expect(lost).toEqual([]);
  }, 300_000);

  it("puts the paper first when its title is searched, in every mode", async () => {
    const step = Math.floor(PAPERS / 100);
    for (const mode of ["hybrid", "semantic", "keyword"] as const) {
      for (let i = 0; i < PAPERS; i += step) {
        const record = first.records[i];
        const outcome = await searchPapers(
          { database: instance.services.database, semantic },
          { q: collapseWhitespace(record?.title ?? ""), mode, offset: 0, limit: 5 },
        );
        expect(outcome.papers[0]?.id).toBe(record?.id);
      }
    }
  }, 300_000);
});
