import { normalize } from "../../src/search/embedders/embedder.js";
import { seededRandom } from "../../src/search/lsa/random.js";

/** Unit vectors around 20 centres: harder for HNSW than uniform noise, closer to what embeddings look like. */
export function clustered(count: number, dimensions: number, seed: number): Float32Array[] {
  const random = seededRandom(seed);
  const centres = Array.from({ length: 20 }, () =>
    Float32Array.from({ length: dimensions }, () => random() - 0.5),
  );
  return Array.from({ length: count }, (_, i) => {
    const centre = centres[i % centres.length] ?? new Float32Array(dimensions);
    return normalize(Float32Array.from(centre, (x) => x + (random() - 0.5) * 0.8));
  });
}

/** The ids (`p` and the vector's position) of the exact top k by dot product, computed the plain way. */
export function exactTop(vectors: readonly Float32Array[], query: Float32Array, k: number): string[] {
  return vectors
    .map((v, i) => ({ id: `p${i}`, score: v.reduce((sum, x, j) => sum + x * (query[j] ?? 0), 0) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, k)
    .map((m) => m.id);
}
