/** A seeded generator (mulberry32): the same seed trains the same model, so builds are reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal samples by Box-Muller. */
export function gaussianMatrix(rows: number, columns: number, seed: number): Float64Array {
  const random = seededRandom(seed);
  const out = new Float64Array(rows * columns);
  for (let i = 0; i < out.length; i += 2) {
    const u = Math.max(random(), Number.EPSILON);
    const r = Math.sqrt(-2 * Math.log(u));
    const theta = 2 * Math.PI * random();
    out[i] = r * Math.cos(theta);
    if (i + 1 < out.length) out[i + 1] = r * Math.sin(theta);
  }
  return out;
}
