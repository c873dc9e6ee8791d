import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { normalize } from "../../src/search/embedders/embedder.js";
import { VECTOR_INDEX_DEFAULTS, VectorIndex } from "../../src/search/vector-index.js";
import { VectorIndexFiles } from "../../src/search/vector-index-files.js";
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

  it("leaves no paper unreachable when a small graph is built on every core", () => {
    // Threads inserting at once into an empty graph used to leave some papers with no edge leading to them: a
    // search asking for every paper came back short in most such graphs of 180.
    for (let seed = 1; seed <= 20; seed += 1) {
      const vectors = clustered(180, 64, seed);
      const index = VectorIndex.create(64);
      index.add(
        vectors.map((vector, i) => ({ id: `p${i}`, vector })),
        0,
      );
      for (const probe of [0, 60, 120]) {
        const query = vectors[probe] ?? new Float32Array(64);
        expect(index.search(query, 180)).toHaveLength(180);
      }
    }
  });

  it("agrees with the exact scan on >= 95% of top-10 positions, papers added in batches", () => {
    const vectors = clustered(3000, 64, 11);
    const index = VectorIndex.create(64);
    for (let i = 0; i < vectors.length; i += 500)
      index.add(vectors.slice(i, i + 500).map((vector, j) => ({ id: `p${i + j}`, vector })));
    let agree = 0;
    const queries = clustered(100, 64, 99);
    for (const query of queries) {
      const found = new Set(index.search(query, 10).map((m) => m.id));
      agree += exactTop(vectors, query, 10).filter((id) => found.has(id)).length;
    }
    expect(agree / (queries.length * 10)).toBeGreaterThanOrEqual(0.95);
  });

  it("is saved whole and restored to answer alike, keeping only the newest snapshot of an embedder", async () => {
    const vectors = clustered(400, 16, 5);
    const index = VectorIndex.create(16);
    index.add(vectors.map((vector, i) => ({ id: `p${i}`, vector })));
    const files = new VectorIndexFiles(folder);
    const identity = { name: "lsa", version: "16d-400-x" };
    await files.save(identity, index, 7);
    await files.save(identity, index, 9);
    const restored = files.latest(identity, 16, VECTOR_INDEX_DEFAULTS, 12);
    expect(restored?.revision).toBe(9);
    expect(restored?.index.size).toBe(400);
    for (const query of vectors.slice(0, 20))
      expect(restored?.index.search(query, 5)).toEqual(index.search(query, 5));
    expect(files.latest({ name: "lsa", version: "other" }, 16, VECTOR_INDEX_DEFAULTS, 12)).toBeNull();
    // A database whose revision is behind the snapshot (restored from a backup) does not take it.
    expect(files.latest(identity, 16, VECTOR_INDEX_DEFAULTS, 8)).toBeNull();
    expect(readdirSync(folder)).toHaveLength(1);
    files.forgetOthers({ name: "lsa", version: "next" });
    expect(readdirSync(folder)).toEqual([]);
  });
});
