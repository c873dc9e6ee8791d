import { describe, expect, it } from "vitest";
import { normalize } from "./embedders/embedder.js";
import { seededRandom } from "./lsa/random.js";
import { VectorIndex } from "./vector-index.js";

/** Clustered unit vectors: harder for HNSW than uniform noise, closer to what embeddings look like. */
function clustered(count: number, dimensions: number, seed: number): Float32Array[] {
  const random = seededRandom(seed);
  const centres = Array.from({ length: 20 }, () =>
    Float32Array.from({ length: dimensions }, () => random() - 0.5),
  );
  return Array.from({ length: count }, (_, i) => {
    const centre = centres[i % centres.length] ?? new Float32Array(dimensions);
    return normalize(Float32Array.from(centre, (x) => x + (random() - 0.5) * 0.8));
  });
}

describe("VectorIndex", () => {
  it("finds exact nearest neighbours on a small corpus and leaves out what it is told", () => {
    const index = new VectorIndex(3);
    index.add([
      { id: "x", vector: normalize(Float32Array.from([1, 0, 0])) },
      { id: "xy", vector: normalize(Float32Array.from([1, 1, 0])) },
      { id: "z", vector: normalize(Float32Array.from([0, 0, 1])) },
    ]);
    expect(index.search(normalize(Float32Array.from([1, 0.1, 0])), 2).map((m) => m.id)).toEqual(["x", "xy"]);
    expect(index.search(normalize(Float32Array.from([1, 0.1, 0])), 1, new Set(["x"]))[0]?.id).toBe("xy");
    expect(index.usesHnsw).toBe(false);
  });

  it("replaces a paper's vector when it is added again", () => {
    const index = new VectorIndex(2);
    index.add([{ id: "a", vector: Float32Array.from([1, 0]) }]);
    index.add([
      { id: "a", vector: Float32Array.from([0, 1]) },
      { id: "b", vector: Float32Array.from([1, 0]) },
    ]);
    expect(index.size).toBe(2);
    expect(index.search(Float32Array.from([0, 1]), 2).map((m) => m.id)).toEqual(["a", "b"]);
  });

  it("switches to HNSW past the threshold and agrees with the exact scan on >= 95% of top-10 positions", () => {
    const vectors = clustered(3000, 64, 11);
    const index = new VectorIndex(64, {
      hnswThreshold: 1000,
      connectivity: 24,
      expansionAdd: 128,
      expansionSearch: 160,
    });
    index.add(vectors.slice(0, 2000).map((vector, i) => ({ id: `p${i}`, vector })));
    // Papers arriving later go into the live graph.
    index.add(vectors.slice(2000).map((vector, i) => ({ id: `p${2000 + i}`, vector })));
    expect(index.usesHnsw).toBe(true);
    let agree = 0;
    const queries = clustered(100, 64, 99);
    for (const query of queries) {
      const exact = index.searchExact(query, 10).map((m) => m.id);
      const approximate = new Set(index.search(query, 10).map((m) => m.id));
      agree += exact.filter((id) => approximate.has(id)).length;
    }
    expect(agree / (queries.length * 10)).toBeGreaterThanOrEqual(0.95);
  });
});
