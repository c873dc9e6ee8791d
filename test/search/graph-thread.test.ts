import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { systemClock } from "../../src/core/clock.js";
import { createEmbedderSource } from "../../src/search/embedders/create.js";
import { normalize } from "../../src/search/embedders/embedder.js";
import { SemanticIndex } from "../../src/search/semantic-index.js";
import { VECTOR_INDEX_DEFAULTS, VectorIndex } from "../../src/search/vector-index.js";
import { VectorIndexFiles } from "../../src/search/vector-index-files.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";
import { clustered, exactTop } from "../helpers/vectors.js";
import { listingPapers, storePapers } from "./backends.js";

describe("a vector graph built on a thread of its own", () => {
  let scratch: string;
  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), "paperboy-graph-thread-"));
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it("runs the compiled worker that `npm test` builds", () => {
    const worker = new URL("../../dist/search/graph-worker.js", import.meta.url);
    expect(existsSync(fileURLToPath(worker))).toBe(true);
  });

  it("takes the vectors it already held, answers only once back, and finds what the exact scan finds", async () => {
    const vectors = clustered(3000, 24, 11);
    const entries = vectors.map((vector, i) => ({ id: `p${i}`, vector }));
    const index = VectorIndex.create(24);
    index.add(entries.slice(0, 600));
    expect(await index.moveToThread(scratch)).toBe(true);
    expect(() => index.search(vectors[0] ?? new Float32Array(24), 3)).toThrow(/its own thread/);
    for (let start = 600; start < entries.length; start += 400) {
      index.add(entries.slice(start, start + 400), 0);
      await index.caughtUp(1);
    }
    // A checkpoint while the graph is away: the thread writes it, with every insertion queued before.
    const files = new VectorIndexFiles(join(scratch, "snapshots"));
    const identity = { name: "lsa", version: "24d-test" };
    await files.save(identity, index, 3);
    await index.moveBack(scratch);
    expect(index.size).toBe(3000);
    const queries = vectors.filter((_, i) => i % 100 === 7);
    let agree = 0;
    for (const query of queries) {
      const found = new Set(index.search(query, 10).map((m) => m.id));
      agree += exactTop(vectors, query, 10).filter((id) => found.has(id)).length;
    }
    expect(agree / (queries.length * 10)).toBeGreaterThanOrEqual(0.95);
    const restored = files.latest(identity, 24, VECTOR_INDEX_DEFAULTS, 3);
    expect(restored?.index.size).toBe(3000);
    for (const query of queries) expect(restored?.index.search(query, 5)).toEqual(index.search(query, 5));
    // The copies that carried the graph there and back are gone.
    expect(readdirSync(scratch).filter((name) => name.startsWith(".graph-"))).toEqual([]);
  });

  it("replaces a paper's vector added again while the graph is away", async () => {
    const index = VectorIndex.create(2);
    const unit = (...xs: number[]) => normalize(Float32Array.from(xs));
    index.add([{ id: "a", vector: unit(1, 0) }]);
    await index.moveToThread(scratch);
    index.add([
      { id: "a", vector: unit(0, 1) },
      { id: "b", vector: unit(1, 0) },
    ]);
    await index.moveBack(scratch);
    expect(index.size).toBe(2);
    expect(index.search(unit(0, 1), 2).map((m) => m.id)).toEqual(["a", "b"]);
  });

  it("removes the copies that killed processes left behind, and keeps those of live ones", async () => {
    const dead = join(scratch, ".graph-2147483646-abc123");
    const live = join(scratch, `.graph-${process.pid}-def456`);
    mkdirSync(dead);
    mkdirSync(live);
    const index = VectorIndex.create(2);
    await index.moveToThread(scratch);
    await index.moveBack(scratch);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });
});

describe("`paperboy index`'s long runs build the graph on its own thread", () => {
  let instance: TestInstance;
  let folder: string;
  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), "paperboy-graph-run-"));
    instance = await createTestInstance({ backend: "sqlite", env: { VECTOR_INDEX_DIR: folder } });
  });
  afterEach(async () => {
    await instance.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  it("embeds every paper, answers by meaning once the run ends, and saves a snapshot a new process takes", async () => {
    const papers = listingPapers();
    await storePapers(instance, papers);
    const { database, config } = instance.services;
    const files = new VectorIndexFiles(join(folder, "run"));
    // A thread from 50 papers to embed on, as from 50,000 in production.
    const options = { ...VECTOR_INDEX_DEFAULTS, graphThreadFrom: 50 };
    const source = () => createEmbedderSource(config, database, systemClock);
    const semantic = new SemanticIndex(database, source(), options, 60_000, files);
    const failures: unknown[] = [];
    const embedded = await semantic.refresh(
      () => {
        // Mid-run, the graph is away: a search would say so rather than answer from part of it.
        try {
          semantic.vectors?.search(new Float32Array(semantic.vectors.dimensions), 1);
        } catch (error) {
          failures.push(error);
        }
      },
      { graphOnThread: true },
    );
    expect(embedded).toBe(papers.length);
    expect(failures).toHaveLength(1);
    const paper = papers[17]?.record;
    if (!paper) throw new Error("fixture is too small");
    expect((await semantic.searchText(`${paper.title}\n${paper.abstract}`, 1))[0]?.id).toBe(paper.id);
    await semantic.saveIndex();
    const next = new SemanticIndex(database, source(), options, 60_000, files);
    await next.refresh();
    expect(next.size).toBe(papers.length);
    expect(await next.similar(paper.id, 5)).toEqual(await semantic.similar(paper.id, 5));
  });
});
