import { mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cosine, normalize } from "../../src/search/embedders/embedder.js";
import { VectorIndex } from "../../src/search/vector-index.js";
import { VectorIndexFiles } from "../../src/search/vector-index-files.js";
import { VECTOR_INDEX_DEFAULTS } from "../../src/search/vector-index-options.js";
import { clustered, exactTop } from "../helpers/vectors.js";

const unit = (...xs: number[]) => normalize(Float32Array.from(xs));

describe("VectorIndex", () => {
  const folder = mkdtempSync(join(tmpdir(), "paperboy-vectors-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("finds the nearest papers on a small corpus and leaves out what it is told", () => {
    const index = VectorIndex.create(3);
    index.add([
      { id: "x", vector: unit(1, 0, 0) },
      { id: "xy", vector: unit(1, 1, 0) },
      { id: "z", vector: unit(0, 0, 1) },
    ]);
    expect(index.search(unit(1, 0.1, 0), 2).map((m) => m.id)).toEqual(["x", "xy"]);
    expect(index.search(unit(1, 0.1, 0), 1, new Set(["x"]))[0]?.id).toBe("xy");
  });

  it("replaces a paper's vector when it is added again", () => {
    const index = VectorIndex.create(2);
    index.add([{ id: "a", vector: unit(1, 0) }]);
    index.add([
      { id: "a", vector: unit(0, 1) },
      { id: "b", vector: unit(1, 0) },
    ]);
    expect(index.size).toBe(2);
    expect(index.search(unit(0, 1), 2).map((m) => m.id)).toEqual(["a", "b"]);
  });

  /** Partitioned from 500 vectors into lists of about 100: the layout of 3,000,000 papers, at a test's size. */
  const SMALL = { ...VECTOR_INDEX_DEFAULTS, partitionFrom: 500, listSize: 100, probeFactor: 2 };

  it("gives back each paper's latest vector in 8 bits, partitioned or not, and null for a paper it lacks", () => {
    const vectors = clustered(1_200, 16, 7);
    const index = VectorIndex.create(16, SMALL);
    index.add(vectors.slice(0, 300).map((vector, i) => ({ id: `p${i}`, vector })));
    expect(
      cosine(index.vector("p7") ?? new Float32Array(16), vectors[7] ?? new Float32Array(16)),
    ).toBeGreaterThan(0.99);
    index.add(vectors.slice(300).map((vector, i) => ({ id: `p${i + 300}`, vector })));
    // Moved into the lists by the partition, then replaced.
    index.add([{ id: "p7", vector: vectors[900] ?? new Float32Array(16) }]);
    for (const [id, original] of [
      ["p7", vectors[900]],
      ["p1100", vectors[1100]],
    ] as const)
      expect(
        cosine(index.vector(id) ?? new Float32Array(16), original ?? new Float32Array(16)),
      ).toBeGreaterThan(0.99);
    expect(index.vector("p1200")).toBeNull();
  });

  function agreement(index: VectorIndex, vectors: Float32Array[], queries: Float32Array[]): number {
    let agree = 0;
    for (const query of queries) {
      const found = new Set(index.search(query, 10).map((m) => m.id));
      agree += exactTop(vectors, query, 10).filter((id) => found.has(id)).length;
    }
    return agree / (queries.length * 10);
  }

  it("agrees with the exact scan on >= 95% of top-10 positions once partitioned, papers added in batches", () => {
    const vectors = clustered(3000, 64, 11);
    const index = VectorIndex.create(64, SMALL);
    for (let i = 0; i < vectors.length; i += 250)
      index.add(vectors.slice(i, i + 250).map((vector, j) => ({ id: `p${i + j}`, vector })));
    // Partitioned (again at 1,000 and 2,000): a search scans some lists, not all.
    expect(index.probes).toBeGreaterThan(0);
    expect(index.probes).toBeLessThan(20);
    expect(agreement(index, vectors, clustered(100, 64, 99))).toBeGreaterThanOrEqual(0.95);
    // Every paper is reachable: asked for all, a search scanning every list returns all.
    const everything = VectorIndex.create(64, { ...SMALL, probeFactor: 100 });
    everything.add(vectors.map((vector, i) => ({ id: `p${i}`, vector })));
    const all = everything.search(vectors[0] ?? new Float32Array(64), 3000).map((m) => m.id);
    expect(new Set(all).size).toBe(3000);
  });

  it("gathers a bulk run's vectors unsorted and partitions them once, at its end", () => {
    const vectors = clustered(3000, 32, 4);
    const index = VectorIndex.create(32, SMALL);
    index.defer();
    for (let i = 0; i < vectors.length; i += 500)
      index.add(vectors.slice(i, i + 500).map((vector, j) => ({ id: `p${i + j}`, vector })));
    // Meanwhile nothing is partitioned, and a search scans every vector: exact but for 8-bit rounding, which
    // may swap two near ties.
    expect(index.probes).toBe(0);
    const queries = clustered(50, 32, 8);
    expect(agreement(index, vectors, queries)).toBeGreaterThanOrEqual(0.98);
    index.settle();
    expect(index.probes).toBeGreaterThan(0);
    expect(agreement(index, vectors, queries)).toBeGreaterThanOrEqual(0.95);
  });

  it("moves a paper added again while partitioned to its new vector", () => {
    const vectors = clustered(1200, 16, 2);
    const index = VectorIndex.create(16, SMALL);
    index.add(vectors.map((vector, i) => ({ id: `p${i}`, vector })));
    const target = vectors[900] ?? new Float32Array(16);
    index.add([{ id: "p3", vector: target }]);
    expect(index.size).toBe(1200);
    const found = index.search(target, 2).map((m) => m.id);
    expect(found.sort()).toEqual(["p3", "p900"]);
  });

  it("holds a partitioned vector in two lists and lets both copies go when the paper moves, restored or not", async () => {
    const vectors = clustered(1500, 16, 6);
    const moved = clustered(200, 16, 7);
    const original = VectorIndex.create(16, { ...SMALL, probeFactor: 100 });
    original.add(vectors.map((vector, i) => ({ id: `p${i}`, vector })));
    const files = new VectorIndexFiles(folder);
    const identity = { name: "lsa", version: "16d-two-lists" };
    await files.save(identity, original, 1);
    const restored = files.latest(identity, 16, { ...SMALL, probeFactor: 100 }, 1)?.index;
    files.forgetOthers({ name: "lsa", version: "none" });
    for (const index of [original, restored]) {
      if (!index) throw new Error("the snapshot was not restored");
      index.add(moved.map((vector, i) => ({ id: `p${i * 7}`, vector })));
      expect(index.size).toBe(1500);
      // Scanning every list, a search asked for everything returns each paper once, a moved one by its new
      // vector: no copy of its old vector is left in either of its lists.
      const query = vectors[0] ?? new Float32Array(16);
      const all = index.search(query, 1500);
      expect(new Set(all.map((m) => m.id)).size).toBe(1500);
      const score = new Map(all.map((m) => [m.id, m.score]));
      moved.forEach((vector, i) => {
        expect(Math.abs((score.get(`p${i * 7}`) ?? 9) - cosine(query, vector))).toBeLessThan(0.02);
      });
      for (const [i, vector] of moved.entries()) {
        expect(index.search(vector, 1)[0]?.id).toBe(`p${i * 7}`);
        // Searched from its old vector, a moved paper is as far as its new vector is.
        const before = vectors[i * 7] ?? new Float32Array(16);
        for (const hit of index.search(before, 5).filter((m) => m.id === `p${i * 7}`))
          expect(Math.abs(hit.score - cosine(before, vector))).toBeLessThan(0.02);
      }
    }
  });

  it("is saved whole and restored to answer alike, keeping only the newest snapshot of an embedder", async () => {
    const vectors = clustered(1400, 16, 5);
    const index = VectorIndex.create(16, SMALL);
    index.add(vectors.map((vector, i) => ({ id: `p${i}`, vector })));
    const files = new VectorIndexFiles(folder);
    const identity = { name: "lsa", version: "16d-400-x" };
    await files.save(identity, index, 7);
    await files.save(identity, index, 9);
    const restored = files.latest(identity, 16, SMALL, 12);
    expect(restored?.revision).toBe(9);
    expect(restored?.index.size).toBe(1400);
    expect(restored?.index.probes).toBe(index.probes);
    for (const query of vectors.slice(0, 20))
      expect(restored?.index.search(query, 5)).toEqual(index.search(query, 5));
    expect(files.latest({ name: "lsa", version: "other" }, 16, SMALL, 12)).toBeNull();
    // A database whose revision is behind the snapshot (restored from a backup) does not take it.
    expect(files.latest(identity, 16, SMALL, 8)).toBeNull();
    expect(readdirSync(folder)).toHaveLength(1);
    files.forgetOthers({ name: "lsa", version: "next" });
    expect(readdirSync(folder)).toEqual([]);
  });

  it("refuses a truncated or foreign file, which the caller then rebuilds from the stored vectors", () => {
    const vectors = clustered(800, 8, 3);
    const index = VectorIndex.create(8, SMALL);
    index.add(vectors.map((vector, i) => ({ id: `p${i}`, vector })));
    const file = join(folder, "cut.ivf");
    const ids = index.save(file);
    truncateSync(file, 5000);
    expect(() => VectorIndex.restore(8, SMALL, file, ids)).toThrow(/truncated/);
    writeFileSync(file, "not an index at all");
    expect(() => VectorIndex.restore(8, SMALL, file, ids)).toThrow();
  });
});
