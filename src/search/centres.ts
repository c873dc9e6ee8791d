import { NONE, nearestOf, normalizeRows, quantizeRows } from "./vector-lists.js";

/** k-means rounds over a sample, and over the centres to place the heads (CentreFinder). */
const ROUNDS = 6;
const HEAD_ROUNDS = 4;
/** Heads whose centres a vector is compared with when it looks for its list. */
const GROUPS_SEARCHED = 3;
/** Centres nearest a vector among which its second list is chosen (secondCentre). */
export const SECOND_CANDIDATES = 6;
/** SOAR's weight on the part of a second residual that runs along the first (secondCentre). */
const ALONG_WEIGHT = 1;

/**
 * Spherical k-means: `count` unit centres for the 8-bit vectors of `sample` (every one counted as a unit
 * vector), started from evenly spaced sample vectors, ROUNDS rounds.
 */
export function trainCentres(sample: Int8Array, count: number, d: number, threads: number): Float32Array {
  const sampleSize = sample.length / d;
  const centres = new Float32Array(count * d);
  for (let c = 0; c < count; c += 1) {
    const from = Math.floor((c * sampleSize) / count) * d;
    for (let j = 0; j < d; j += 1) centres[c * d + j] = sample[from + j] ?? 0;
  }
  normalizeRows(centres, d);
  for (let round = 0; round < ROUNDS; round += 1) {
    const nearest = new CentreFinder(centres, d).nearest(sample, threads);
    const sums = new Float32Array(count * d);
    const members = new Int32Array(count);
    for (let i = 0; i < sampleSize; i += 1) {
      const c = nearest[i] ?? 0;
      members[c] = (members[c] ?? 0) + 1;
      // Each sample vector counts as a unit vector, whatever its 8-bit scale.
      let norm = 0;
      for (let j = 0; j < d; j += 1) norm += (sample[i * d + j] ?? 0) ** 2;
      const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      for (let j = 0; j < d; j += 1)
        sums[c * d + j] = (sums[c * d + j] ?? 0) + (sample[i * d + j] ?? 0) * scale;
    }
    // A centre nobody chose starts again from a sample vector.
    for (let c = 0; c < count; c += 1)
      if (members[c] === 0) {
        const from = ((c * 7919 + round) % sampleSize) * d;
        for (let j = 0; j < d; j += 1) sums[c * d + j] = sample[from + j] ?? 0;
      }
    normalizeRows(sums, d);
    centres.set(sums);
  }
  return centres;
}

/**
 * The nearest centre of many vectors at once, for a fraction of the distances: the centres are grouped under
 * about sqrt(centres) heads (a few rounds of k-means over the centres themselves), and a vector is compared with
 * every head, then with the centres of its GROUPS_SEARCHED nearest heads. Comparing every vector with every centre
 * (3,000,000 x 3,000 at the whole archive) is what this saves; so is usearch's exact scan of them all at once,
 * which writes out the whole matrix of distances and transposes it on one thread, and a small HNSW graph of the
 * centres, which took longer per vector than that scan.
 */
export class CentreFinder {
  private readonly heads: Int8Array;
  /** Per head: its centres' numbers, and their 8-bit vectors in a buffer of their own. */
  private readonly groups: { readonly centres: Int32Array; readonly vectors: Int8Array }[];

  constructor(
    centres: Float32Array,
    private readonly d: number,
  ) {
    const count = centres.length / d;
    const coarse = quantizeRows(centres, d);
    const headCount = Math.max(1, Math.round(Math.sqrt(count)));
    const heads = new Float32Array(headCount * d);
    for (let h = 0; h < headCount; h += 1)
      heads.set(
        centres.subarray(
          Math.floor((h * count) / headCount) * d,
          Math.floor((h * count) / headCount) * d + d,
        ),
        h * d,
      );
    let owner = new Int32Array(count);
    for (let round = 0; round < HEAD_ROUNDS; round += 1) {
      owner = nearestOf(quantizeRows(heads, d), coarse, d, 1, 0).keys;
      heads.fill(0);
      owner.forEach((h, c) => {
        for (let j = 0; j < d; j += 1) heads[h * d + j] = (heads[h * d + j] ?? 0) + (centres[c * d + j] ?? 0);
      });
      normalizeRows(heads, d);
    }
    this.heads = quantizeRows(heads, d);
    owner = nearestOf(this.heads, coarse, d, 1, 0).keys;
    this.groups = Array.from({ length: headCount }, (_, h) => {
      const members = Int32Array.from(Array.from(owner).flatMap((o, c) => (o === h ? [c] : [])));
      const vectors = new Int8Array(members.length * d);
      members.forEach((c, i) => {
        vectors.set(coarse.subarray(c * d, (c + 1) * d), i * d);
      });
      return { centres: members, vectors };
    });
  }

  /** For each 8-bit vector in `vectors`, the number of its nearest centre. */
  nearest(vectors: Int8Array, threads: number): Int32Array {
    return this.nearestFew(vectors, 1, threads).keys;
  }

  /**
   * For each 8-bit vector in `vectors`, its `few` nearest centres (of those under its nearest heads), nearest
   * first, as flat arrays of centre numbers and cosine distances, `few` per vector (NONE and Infinity where a
   * vector's groups hold fewer).
   */
  nearestFew(
    vectors: Int8Array,
    few: number,
    threads: number,
  ): { keys: Int32Array; distances: Float32Array } {
    const d = this.d;
    const count = vectors.length / d;
    const searched = Math.min(GROUPS_SEARCHED, this.groups.length);
    const heads = nearestOf(this.heads, vectors, d, searched, threads);
    const keys = new Int32Array(count * few).fill(NONE);
    const distances = new Float32Array(count * few).fill(Number.POSITIVE_INFINITY);
    // Keeps a vector's `few` best sorted: a centre lies under one head only, so none is offered twice.
    const offer = (i: number, centre: number, distance: number) => {
      let at = i * few + few - 1;
      if (!(distance < (distances[at] ?? 0))) return;
      while (at > i * few && (distances[at - 1] ?? 0) > distance) {
        distances[at] = distances[at - 1] ?? 0;
        keys[at] = keys[at - 1] ?? NONE;
        at -= 1;
      }
      distances[at] = distance;
      keys[at] = centre;
    };
    this.groups.forEach((group, g) => {
      if (group.centres.length === 0) return;
      const asking: number[] = [];
      for (let i = 0; i < count; i += 1)
        for (let r = 0; r < searched; r += 1) if (heads.keys[i * searched + r] === g) asking.push(i);
      if (asking.length === 0) return;
      const batch = new Int8Array(asking.length * d);
      asking.forEach((i, at) => {
        batch.set(vectors.subarray(i * d, (i + 1) * d), at * d);
      });
      const k = Math.min(few, group.centres.length);
      const found = nearestOf(group.vectors, batch, d, k, threads);
      asking.forEach((i, at) => {
        for (let r = 0; r < k; r += 1)
          offer(
            i,
            group.centres[found.keys[at * k + r] ?? 0] ?? 0,
            found.distances[at * k + r] ?? Number.POSITIVE_INFINITY,
          );
      });
    });
    return { keys, distances };
  }
}

/**
 * A vector's second centre (SOAR, Sun et al. 2023): of its `few` nearest centres after the first (`near`'s keys
 * and cosine distances from `row` on, as CentreFinder.nearestFew gives them), the one whose residual is short
 * and runs across the first residual rather than along it, so that a query whose nearest centres leave out the
 * first list still reaches the vector through the second. NONE when the vector sits on its first centre.
 */
export function secondCentre(
  centres: Float32Array,
  d: number,
  near: { readonly keys: Int32Array; readonly distances: Float32Array },
  row: number,
  few: number,
): number {
  const first = near.keys[row] ?? NONE;
  if (first === NONE) return NONE;
  // For unit vectors: |x - c|^2 = 2 - 2 x.c, and (x - c).(x - c') = 1 - x.c - x.c' + c.c'.
  const similarity = 1 - (near.distances[row] ?? 1);
  const residual = 2 - 2 * similarity;
  if (residual < 1e-6) return NONE;
  let best = NONE;
  let bestScore = Number.POSITIVE_INFINITY;
  for (let j = 1; j < few; j += 1) {
    const other = near.keys[row + j] ?? NONE;
    if (other === NONE) break;
    const otherSimilarity = 1 - (near.distances[row + j] ?? 1);
    let between = 0;
    for (let x = 0; x < d; x += 1) between += (centres[first * d + x] ?? 0) * (centres[other * d + x] ?? 0);
    const along = 1 - similarity - otherSimilarity + between;
    const score = 2 - 2 * otherSimilarity + (ALONG_WEIGHT * along * along) / residual;
    if (score < bestScore) {
      bestScore = score;
      best = other;
    }
  }
  return best;
}
