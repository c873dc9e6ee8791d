import { exactSearch, MetricKind } from "usearch";
import { normalize } from "./embedders/embedder.js";

/**
 * The parts of the vector index (vector-index.ts) that hold and compare 8-bit vectors: lists of them, the
 * quantization, usearch's exact scan in batches, and the best matches of a search.
 */

/** A slot, list or key that is not there. */
export const NONE = -1;
/** A key's copies: the one in its nearest centre's list (or the tail), and the one in its second list. */
export const FIRST = 0;
export const SECOND = 1;
type Copy = typeof FIRST | typeof SECOND;

/** Where each key's copies lie: a list number and a slot in it per copy (list NONE: no such copy). */
export class Places {
  private readonly lists: [Int32Array, Int32Array] = [
    new Int32Array(1024).fill(NONE),
    new Int32Array(1024).fill(NONE),
  ];
  private readonly slots: [Int32Array, Int32Array] = [new Int32Array(1024), new Int32Array(1024)];

  list(key: number, copy: Copy): number {
    return this.lists[copy][key] ?? NONE;
  }

  slot(key: number, copy: Copy): number {
    return this.slots[copy][key] ?? 0;
  }

  /** Which of a key's copies lies in `list`: its two copies are never in the same list. */
  copyIn(key: number, list: number): Copy {
    return this.list(key, FIRST) === list ? FIRST : SECOND;
  }

  set(key: number, copy: Copy, list: number, slot: number): void {
    if (key >= this.lists[FIRST].length) {
      const capacity = Math.max(key + 1, this.lists[FIRST].length * 2);
      const grown = (from: Int32Array, fill: number) => {
        const to = new Int32Array(capacity).fill(fill);
        to.set(from);
        return to;
      };
      for (const c of [FIRST, SECOND] as const) {
        this.lists[c] = grown(this.lists[c], NONE);
        this.slots[c] = grown(this.slots[c], 0);
      }
    }
    this.lists[copy][key] = list;
    this.slots[copy][key] = slot;
  }

  forget(key: number, copy: Copy): void {
    if (key < this.lists[copy].length) this.lists[copy][key] = NONE;
  }

  /** Before a partition places every vector again. */
  forgetSeconds(): void {
    this.lists[SECOND].fill(NONE);
  }
}

/** Vectors per call of usearch's exact scan, which holds every distance of a call at once. */
const NEAREST_BATCH = 256;

/** Vectors of one list: keys and 8-bit vectors end to end, in buffers of their own (see `view`). */
export class List {
  keys: Int32Array;
  data: Int8Array;
  size = 0;

  constructor(
    readonly dimensions: number,
    capacity: number,
  ) {
    this.keys = new Int32Array(capacity);
    this.data = new Int8Array(capacity * dimensions);
  }

  push(key: number, vector: Int8Array, from = 0): number {
    if (this.size === this.keys.length) this.grow(Math.max(16, this.size * 2));
    const slot = this.size;
    this.keys[slot] = key;
    this.data.set(vector.subarray(from, from + this.dimensions), slot * this.dimensions);
    this.size += 1;
    return slot;
  }

  /** Moves the last vector into `slot`; returns the key that moved there, or NONE when `slot` was the last. */
  removeAt(slot: number): number {
    const last = this.size - 1;
    this.size = last;
    if (slot === last) return NONE;
    const d = this.dimensions;
    const moved = this.keys[last] ?? NONE;
    this.keys[slot] = moved;
    this.data.copyWithin(slot * d, last * d, (last + 1) * d);
    return moved;
  }

  /**
   * The vectors held, as usearch's exact scan reads them: usearch reads a typed array from the start of its
   * buffer whatever its offset, so every list keeps its vectors in a buffer of its own.
   */
  view(): Int8Array {
    return new Int8Array(this.data.buffer, 0, this.size * this.dimensions);
  }

  private grow(capacity: number): void {
    const keys = new Int32Array(capacity);
    keys.set(this.keys.subarray(0, this.size));
    const data = new Int8Array(capacity * this.dimensions);
    data.set(this.data.subarray(0, this.size * this.dimensions));
    this.keys = keys;
    this.data = data;
  }
}

/** A unit vector in 8 bits, scaled by its largest component: cosine similarity does not see the scale. */
export function quantize(vector: Float32Array, out: Int8Array, at = 0): void {
  let largest = 0;
  for (const x of vector) largest = Math.max(largest, Math.abs(x));
  const scale = largest > 0 ? 127 / largest : 0;
  for (let i = 0; i < vector.length; i += 1) out[at + i] = Math.round((vector[i] ?? 0) * scale);
}

/** Every row of `d` numbers in 8 bits (quantize). */
export function quantizeRows(rows: Float32Array, d: number): Int8Array {
  const out = new Int8Array(rows.length);
  for (let at = 0; at < rows.length; at += d) quantize(rows.subarray(at, at + d), out, at);
  return out;
}

/** Makes every row of `d` numbers a unit vector, in place. */
export function normalizeRows(rows: Float32Array, d: number): void {
  for (let at = 0; at < rows.length; at += d) normalize(rows.subarray(at, at + d));
}

/**
 * The `k` nearest rows of `dataset` to each of `queries` (both 8-bit, `dataset` in a buffer of its own), as
 * flat arrays of row numbers and distances, k per query (fewer rows than k: padded with the last).
 */
export function nearestOf(dataset: Int8Array, queries: Int8Array, d: number, k: number, threads: number) {
  const count = queries.length / d;
  const keys = new Int32Array(count * k);
  const distances = new Float32Array(count * k);
  const rows = dataset.length / d;
  for (let from = 0; from < count; from += NEAREST_BATCH) {
    const upTo = Math.min(count, from + NEAREST_BATCH);
    const wanted = Math.min(k, rows);
    const found = exactSearch(dataset, queries.slice(from * d, upTo * d), d, wanted, MetricKind.Cos, threads);
    for (let q = from; q < upTo; q += 1) {
      const matches = "get" in found ? found.get(q - from) : found;
      for (let r = 0; r < k; r += 1) {
        const at = Math.min(r, wanted - 1);
        keys[q * k + r] = Number(matches.keys[at] ?? 0n);
        distances[q * k + r] = matches.distances[at] ?? Number.POSITIVE_INFINITY;
      }
    }
  }
  return { keys, distances };
}

/** The `size` smallest distances offered, kept sorted: a handful, so insertion beats a heap. */
export class Best {
  private readonly items: { key: number; distance: number }[] = [];
  private readonly keys = new Set<number>();

  constructor(private readonly size: number) {}

  /** Keeps the key if it is among the best so far; false when it is not. A key kept already stays as it is. */
  offer(key: number, distance: number): boolean {
    const items = this.items;
    if (key === NONE || Number.isNaN(distance)) return true;
    if (items.length === this.size && distance >= (items.at(-1)?.distance ?? 0)) return false;
    if (this.keys.has(key)) return true;
    let i = items.length;
    while (i > 0 && (items[i - 1]?.distance ?? 0) > distance) i -= 1;
    items.splice(i, 0, { key, distance });
    this.keys.add(key);
    if (items.length > this.size) {
      const dropped = items.pop();
      if (dropped) this.keys.delete(dropped.key);
    }
    return true;
  }

  sorted(): readonly { key: number; distance: number }[] {
    return this.items;
  }
}
