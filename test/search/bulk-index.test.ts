import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { systemClock } from "../../src/core/clock.js";
import { createEmbedderSource } from "../../src/search/embedders/create.js";
import { SemanticIndex } from "../../src/search/semantic-index.js";
import { VectorIndexFiles } from "../../src/search/vector-index-files.js";
import { VECTOR_INDEX_DEFAULTS } from "../../src/search/vector-index-options.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";
import { listingPapers, storePapers } from "./backends.js";

describe("`paperboy index`'s long runs partition the vector index once, at their end", () => {
  let instance: TestInstance;
  let folder: string;
  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), "paperboy-bulk-run-"));
    instance = await createTestInstance({ backend: "sqlite", env: { VECTOR_INDEX_DIR: folder } });
  });
  afterEach(async () => {
    await instance.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  it("embeds every paper, answers mid-run from what gathered, and saves the partitioned index a new process takes", async () => {
    const papers = listingPapers();
    await storePapers(instance, papers);
    const { database, config } = instance.services;
    const files = new VectorIndexFiles(join(folder, "run"));
    // Deferred from 50 papers to embed and partitioned from 100 vectors, as from 50,000 and 20,000 in production.
    const options = { ...VECTOR_INDEX_DEFAULTS, deferFrom: 50, partitionFrom: 100, listSize: 20 };
    const source = () => createEmbedderSource(config, database, systemClock);
    const semantic = new SemanticIndex(database, source(), options, 60_000, files);
    const probesMidRun: number[] = [];
    const embedded = await semantic.refresh(
      () => {
        probesMidRun.push(semantic.vectors?.probes ?? -1);
      },
      { bulk: true },
    );
    expect(embedded).toBe(papers.length);
    // Unsorted throughout the run (every search exact), partitioned at its end.
    expect(new Set(probesMidRun)).toEqual(new Set([0]));
    expect(semantic.vectors?.probes).toBeGreaterThan(0);
    const paper = papers[17]?.record;
    if (!paper) throw new Error("fixture is too small");
    expect((await semantic.searchText(`${paper.title}\n${paper.abstract}`, 1))[0]?.id).toBe(paper.id);
    await semantic.saveIndex();
    const next = new SemanticIndex(database, source(), options, 60_000, files);
    await next.refresh();
    expect(next.size).toBe(papers.length);
    expect(next.vectors?.probes).toBe(semantic.vectors?.probes);
    expect(await next.similar(paper.id, 5)).toEqual(await semantic.similar(paper.id, 5));
    // Without a snapshot a process reads every stored vector, and partitions once it has them all.
    const fresh = new SemanticIndex(database, source(), options, 60_000, null);
    await fresh.refresh();
    expect(fresh.size).toBe(papers.length);
    expect(fresh.vectors?.probes).toBeGreaterThan(0);
    expect((await fresh.similar(paper.id, 5)).map((m) => m.id)).toEqual(
      (await semantic.similar(paper.id, 5)).map((m) => m.id),
    );
  });
});
