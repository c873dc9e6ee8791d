import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { systemClock } from "../../src/core/clock.js";
import { createEmbedderSource } from "../../src/search/embedders/create.js";
import { SemanticIndex } from "../../src/search/semantic-index.js";
import { VECTOR_INDEX_DEFAULTS } from "../../src/search/vector-index-options.js";
import { loadVectors } from "../../src/storage/embeddings.js";
import { detectPgvector } from "../../src/storage/postgres/pgvector.js";
import { BACKENDS } from "../helpers/backends.js";
import { incoming, paperRecord } from "../helpers/papers.js";
import { createScratchDatabase, pgvectorAvailable, type ScratchDatabase } from "../helpers/pgvector.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";
import { listingPapers, storePapers } from "./backends.js";

const papers = listingPapers();

describe.each(BACKENDS)("vector search without pgvector (%s)", (backend) => {
  let instance: TestInstance;
  beforeEach(async () => {
    instance = await createTestInstance({ backend });
  });
  afterEach(async () => {
    await instance.dispose();
  });

  it("detects no extension and keeps the vectors in process memory", async () => {
    expect(await detectPgvector(instance.services.database)).toBeNull();
    await storePapers(instance, papers);
    await instance.services.semantic.refresh();
    expect(instance.services.semantic.engine).toBe("memory");
    expect(instance.services.semantic.vectors?.size).toBe(papers.length);
  });
});

/** Runs where the test server can load pgvector: CI builds it (.ci/run), as DESIGN section 4 describes. */
const WITH_PGVECTOR = (await pgvectorAvailable()) ? ["pgvector"] : [];

describe.each(WITH_PGVECTOR)("vector search through %s", () => {
  let scratch: ScratchDatabase;
  let first: TestInstance;
  let second: TestInstance;
  beforeEach(async () => {
    scratch = await createScratchDatabase();
  });
  afterEach(async () => {
    await second?.dispose();
    await first?.dispose();
    await scratch.drop();
  });
  const open = (url: string) => createTestInstance({ backend: "postgres", databaseUrl: url });

  it("finds the same neighbours in the database as the exact scan, with nothing held in memory", async () => {
    await scratch.installPgvector();
    first = await open(scratch.url);
    await storePapers(first, papers);
    expect(await first.services.semantic.refresh()).toBe(papers.length);
    expect(first.services.semantic.engine).toBe("pgvector");
    expect(first.services.semantic.vectors).toBeNull();
    expect(first.services.semantic.size).toBe(papers.length);
    const identity = first.services.semantic.identity;
    if (!identity) throw new Error("no embedder");
    const stored = await loadVectors(first.services.database, identity);
    const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, i) => sum + x * (b[i] ?? 0), 0);
    for (const probe of [papers[0], papers[50], papers[120]]) {
      const id = probe?.record.id ?? "";
      const vector = stored.find((v) => v.paperId === id)?.vector ?? new Float32Array(256);
      // The exact answer over the full-precision vectors, computed here.
      const expected = stored
        .filter((v) => v.paperId !== id)
        .map((v) => ({ id: v.paperId, score: dot(vector, v.vector) }))
        .sort((a, b) => b.score - a.score)
        .slice(0, 5);
      const found = await first.services.semantic.similar(id, 5);
      expect(found.map((m) => m.id)).toEqual(expected.map((m) => m.id));
      expect(found[0]?.score).toBeCloseTo(expected[0]?.score ?? 0, 4);
    }
    // Deeper than HNSW's default search breadth (40), as hybrid search asks for.
    expect(await first.services.semantic.similar(papers[0]?.record.id ?? "", 150)).toHaveLength(150);
  });

  it("searches each process's memory instead with VECTOR_ENGINE=memory, pgvector installed or not", async () => {
    await scratch.installPgvector();
    first = await createTestInstance({
      backend: "postgres",
      databaseUrl: scratch.url,
      env: { VECTOR_ENGINE: "memory" },
    });
    await storePapers(first, papers);
    expect(await first.services.semantic.refresh()).toBe(papers.length);
    expect(first.services.semantic.engine).toBe("memory");
    expect(first.services.semantic.vectors?.size).toBe(papers.length);
    // pgvector was left alone: its table was not even made.
    const { rows } = await sql<{
      table: string | null;
    }>`select to_regclass('paper_vectors')::text as table`.execute(first.services.database.kysely);
    expect(rows[0]?.table).toBeNull();
    // A process left at the default takes the stored vectors into pgvector and finds the same neighbours.
    second = await open(scratch.url);
    expect(await second.services.semantic.refresh()).toBe(0);
    expect(second.services.semantic.engine).toBe("pgvector");
    const id = papers[7]?.record.id ?? "";
    const inMemory = (await first.services.semantic.similar(id, 3)).map((m) => m.id);
    expect(inMemory).toHaveLength(3);
    expect((await second.services.semantic.similar(id, 3)).map((m) => m.id)).toEqual(inMemory);
  });

  it("shows a paper another process embedded at once, without waiting for a refresh", async () => {
    await scratch.installPgvector();
    first = await open(scratch.url);
    second = await open(scratch.url);
    await storePapers(first, papers);
    await first.services.semantic.refresh();
    expect(await second.services.semantic.refresh()).toBe(0);
    const source = papers[9]?.record;
    if (!source) throw new Error("fixture is too small");
    await storePapers(first, [
      incoming(paperRecord("2607.99002", { title: source.title, abstract: source.abstract })),
    ]);
    expect(await first.services.semantic.refresh()).toBe(1);
    // The second process has not refreshed since: its next query reads the vector from the database.
    expect((await second.services.semantic.similar("2607.99002", 1))[0]?.id).toBe(source.id);
  });

  it("fills pgvector's table from vectors stored before the extension was installed", async () => {
    first = await open(scratch.url);
    await storePapers(first, papers);
    await first.services.semantic.refresh();
    expect(first.services.semantic.engine).toBe("memory");
    await scratch.installPgvector();
    second = await open(scratch.url);
    expect(await second.services.semantic.refresh()).toBe(0);
    expect(second.services.semantic.engine).toBe("pgvector");
    expect(second.services.semantic.size).toBe(papers.length);
    const id = papers[4]?.record.id ?? "";
    expect(await second.services.semantic.similar(id, 3)).toHaveLength(3);
  });

  it("keeps a retrained model's vectors beside the old ones, also in a table made with the old key", async () => {
    await scratch.installPgvector();
    first = await open(scratch.url);
    // paper_vectors as made before a paper could hold a vector of each version (the next process finds it).
    await sql`create table paper_vectors (embedder text not null, paper_id text not null references papers (id)
      on delete cascade, version text not null, embedding vector not null, primary key (embedder, paper_id))`.execute(
      first.services.database.kysely,
    );
    second = await open(scratch.url);
    await storePapers(second, papers);
    await second.services.semantic.refresh();
    const before = second.services.semantic.identity?.version;
    const id = papers[4]?.record.id ?? "";
    const sizes: number[] = [];
    await second.services.semantic.retrain(async () => {
      sizes.push((await second.services.semantic.similar(id, 3)).length);
    });
    expect(sizes).toEqual([3]);
    expect(second.services.semantic.identity?.version).not.toBe(before);
    const { rows } = await sql<{ n: string }>`select count(*) as n from paper_vectors`.execute(
      second.services.database.kysely,
    );
    expect(Number(rows[0]?.n)).toBe(2 * papers.length);
    expect(await second.services.semantic.forgetRetired()).toBe(papers.length);
    expect(await second.services.semantic.similar(id, 3)).toHaveLength(3);
  });

  it("builds its HNSW index after a bulk run instead of inserting into it, and inserts a day's papers", async () => {
    await scratch.installPgvector();
    first = await open(scratch.url);
    await storePapers(first, papers);
    const { database, config } = first.services;
    // A bulk run from 100 papers on, as from 20,000 in production.
    const semantic = new SemanticIndex(database, createEmbedderSource(config, database, systemClock), {
      ...VECTOR_INDEX_DEFAULTS,
      pgvectorBulk: 100,
    });
    const indexes = async () =>
      (
        await sql<{ name: string }>`select indexname as name from pg_indexes
          where tablename = 'paper_vectors' and indexdef like '%hnsw%'`.execute(database.kysely)
      ).rows.map((row) => row.name);
    const during: string[][] = [];
    expect(await semantic.refresh(async () => void during.push(await indexes()))).toBe(papers.length);
    expect(during.length).toBeGreaterThan(0);
    expect(during.every((names) => names.length === 0)).toBe(true);
    const built = await indexes();
    expect(built).toEqual([expect.stringMatching(/^paper_vectors_lsa_\d+$/)]);
    const source = papers[9]?.record;
    if (!source) throw new Error("fixture is too small");
    await storePapers(first, [
      incoming(paperRecord("2607.99003", { title: source.title, abstract: source.abstract })),
    ]);
    during.length = 0;
    expect(await semantic.refresh(async () => void during.push(await indexes()))).toBe(1);
    expect(during).toEqual([built]);
    expect((await semantic.similar("2607.99003", 1))[0]?.id).toBe(source.id);
  });
});
