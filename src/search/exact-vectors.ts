/** One neighbour: a position in the index and its cosine similarity. */
export interface Neighbour {
  readonly position: number;
  readonly score: number;
}

/**
 * Vectors quantised to 8 bits with one scale per vector (a quarter of the memory of float32), searched by a full
 * scan: exact up to quantisation, and fast enough for small corpora.
 */
export class ExactVectors {
  private codes: Int8Array;
  private scales: Float32Array;
  private count = 0;

  constructor(readonly dimensions: number) {
    this.codes = new Int8Array(dimensions * 1024);
    this.scales = new Float32Array(1024);
  }

  get size(): number {
    return this.count;
  }

  add(vector: Float32Array): number {
    this.grow(this.count + 1);
    let max = 0;
    for (const x of vector) max = Math.max(max, Math.abs(x));
    const scale = max > 0 ? 127 / max : 1;
    const base = this.count * this.dimensions;
    for (let i = 0; i < this.dimensions; i += 1) this.codes[base + i] = Math.round((vector[i] ?? 0) * scale);
    this.scales[this.count] = 1 / scale;
    this.count += 1;
    return this.count - 1;
  }

  /** The k best positions by dot product with a unit query, best first; `skip` positions are left out. */
  search(query: Float32Array, k: number, skip: (position: number) => boolean = () => false): Neighbour[] {
    const best: Neighbour[] = [];
    const d = this.dimensions;
    for (let p = 0; p < this.count; p += 1) {
      let dot = 0;
      const base = p * d;
      for (let i = 0; i < d; i += 1) dot += (query[i] ?? 0) * (this.codes[base + i] ?? 0);
      const score = dot * (this.scales[p] ?? 0);
      if (best.length === k && score <= (best[k - 1]?.score ?? -Infinity)) continue;
      if (skip(p)) continue;
      insertSorted(best, { position: p, score }, k);
    }
    return best;
  }

  vector(position: number): Float32Array {
    const out = new Float32Array(this.dimensions);
    const base = position * this.dimensions;
    const scale = this.scales[position] ?? 0;
    for (let i = 0; i < this.dimensions; i += 1) out[i] = (this.codes[base + i] ?? 0) * scale;
    return out;
  }

  private grow(needed: number): void {
    if (needed <= this.scales.length) return;
    const capacity = Math.max(needed, this.scales.length * 2);
    const codes = new Int8Array(capacity * this.dimensions);
    codes.set(this.codes);
    const scales = new Float32Array(capacity);
    scales.set(this.scales);
    this.codes = codes;
    this.scales = scales;
  }
}

function insertSorted(list: Neighbour[], item: Neighbour, k: number): void {
  let i = list.length;
  while (i > 0 && (list[i - 1]?.score ?? 0) < item.score) i -= 1;
  list.splice(i, 0, item);
  if (list.length > k) list.pop();
}
