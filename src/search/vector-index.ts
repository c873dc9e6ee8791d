import { exactSearch, MetricKind } from "usearch";
import { CentreFinder, SECOND_CANDIDATES, secondCentre, trainCentres } from "./centres.js";
import { IdTable } from "./id-table.js";
import { readIvf, writeIvf } from "./ivf-file.js";
import { VECTOR_INDEX_DEFAULTS, type VectorIndexOptions } from "./vector-index-options.js";
import { Best, FIRST, List, NONE, Places, quantize, SECOND } from "./vector-lists.js";

export interface Match {
  readonly id: string;
  readonly score: number;
}

/** Vectors added since the last partition wait in chunks of this many, scanned whole by every search. */
const CHUNK = 8_192;
/** Unpartitioned vectors are sorted into the lists once this many have gathered (unless the run is deferred). */
const TAIL_MAX = 16_384;
/** The index is partitioned again from scratch once it holds this many times the vectors of its last partition. */
const REPARTITION_GROWTH = 2;
/** Matches a search first asks of each list it scans (see search). */
const FIRST_ASK = 12;
/** Vectors sorted into lists per call. */
const ASSIGN_BATCH = 8_192;
/**
 * k-means: training vectors per list. At 3,000,000 papers 128 against 32 put 0.8 points more of the exact top 10
 * in the 4 x sqrt(lists) lists scanned (92.7 against 91.9%), and evened the lists out (p99 2,634 vectors
 * against 4,346, for lists of 1,000), at 25 s more of training on 2 cores.
 */
const SAMPLE_PER_LIST = 128;

const EMPTY = new List(1, 0);

/**
 * Paper vectors in memory, in 8 bits: an inverted file. Past `partitionFrom` vectors the index is partitioned
 * by spherical k-means into lists of about `listSize`, and each vector is put in two lists: its nearest centre's
 * and a second chosen the SOAR way (centres.ts, `secondCentre`); a search ranks the lists' centres against the query and scans the
 * nearest `probeFactor` x sqrt(lists) of them exactly (usearch's SIMD scan), together with the vectors added
 * since the last partition, which wait unsorted in chunks until TAIL_MAX of them have gathered. The index is
 * partitioned again each time it has doubled. Scores are cosine similarities of the 8-bit vectors: callers that
 * need exact ones rescore from the stored vectors (semantic-index.ts). A paper added twice keeps its latest
 * vector. The index and its ids can be saved and restored (ivf-file.ts, vector-index-files.ts). docs/search.md, "The vector
 * index", says why it is built so and what it measured.
 */
export class VectorIndex {
  /** Per key: the lists holding its copies (lists first, then the tail's chunks) and the slots in them. */
  private readonly places = new Places();
  private centres: Float32Array | null = null;
  /** How vectors find the list of their nearest centre. */
  private coarse: CentreFinder | null = null;
  private lists: List[] = [];
  private tail: List[] = [];
  private partitionedAt = 0;
  /** During a bulk run (defer) vectors only gather: the partition is made once, at settle. */
  private deferred = false;
  private readonly scratch: Int8Array;

  private constructor(
    readonly dimensions: number,
    private readonly options: VectorIndexOptions,
    private readonly ids: IdTable,
  ) {
    this.scratch = new Int8Array(dimensions);
  }

  static create(dimensions: number, options: VectorIndexOptions = VECTOR_INDEX_DEFAULTS): VectorIndex {
    return new VectorIndex(dimensions, options, IdTable.empty());
  }

  /** An index written by `save`: the file and its ids one per line, in key order. */
  static restore(dimensions: number, options: VectorIndexOptions, file: string, ids: Buffer): VectorIndex {
    const index = new VectorIndex(dimensions, options, IdTable.fromLines(ids));
    index.read(file);
    // A bulk run killed before its end saved its vectors unsorted: they are partitioned here, once.
    index.maintain(0);
    return index;
  }

  get size(): number {
    return this.ids.size;
  }

  has(id: string): boolean {
    return this.ids.key(id) !== NONE;
  }

  /**
   * A paper's vector as the index holds it, in 8 bits (its scale lost: cosine similarity does not see it), or
   * null when the index does not hold the paper: a query for its neighbours without a read of the stored one.
   */
  vector(id: string): Float32Array | null {
    const key = this.ids.key(id);
    const list = key === NONE ? undefined : this.listAt(this.places.list(key, FIRST));
    if (!list) return null;
    const d = this.dimensions;
    const at = this.places.slot(key, FIRST) * d;
    return Float32Array.from(list.data.subarray(at, at + d));
  }

  /** Lists a search scans (all of them before the first partition). */
  get probes(): number {
    const lists = this.lists.length;
    return Math.min(lists, Math.ceil(this.options.probeFactor * Math.sqrt(lists)));
  }

  /**
   * Adds unit vectors; `threads` 0 lets usearch use every core when the index sorts them into lists or
   * partitions itself again (a bulk load), 1 keeps a server's work on one.
   */
  add(entries: readonly { readonly id: string; readonly vector: Float32Array }[], threads = 1): void {
    const d = this.dimensions;
    for (const { id, vector } of entries) {
      const known = this.ids.size;
      const key = this.ids.add(id);
      if (key < known) this.remove(key);
      quantize(vector, this.scratch);
      let chunk = this.tail.at(-1);
      if (!chunk || chunk.size === CHUNK) {
        chunk = new List(d, CHUNK);
        this.tail.push(chunk);
      }
      this.places.set(key, FIRST, this.lists.length + this.tail.length - 1, chunk.push(key, this.scratch));
    }
    if (!this.deferred) this.maintain(threads);
  }

  /** The k nearest papers to a unit vector by their 8-bit vectors, best first, leaving out `exclude`. */
  search(query: Float32Array, k: number, exclude: ReadonlySet<string> = new Set()): Match[] {
    if (this.size === 0 || k <= 0) return [];
    const q = new Int8Array(this.dimensions);
    quantize(query, q);
    const want = k + exclude.size;
    const best = new Best(want);
    const scan = (list: List | undefined) => {
      if (!list || list.size === 0) return;
      // Few lists hold more than a handful of the best: each is asked for FIRST_ASK, and again for all it
      // could add only when every one of those was kept.
      const all = Math.min(want, list.size);
      let ask = Math.min(FIRST_ASK, all);
      let offered = 0;
      for (;;) {
        const found = exactSearch(list.view(), q, this.dimensions, ask, MetricKind.Cos, 1);
        const matches = "get" in found ? found.get(0) : found;
        // A list's matches come nearest first: once one is not among the best so far, none after it is.
        for (let i = offered; i < matches.keys.length; i += 1, offered += 1)
          if (!best.offer(list.keys[Number(matches.keys[i])] ?? NONE, matches.distances[i] ?? 1)) return;
        if (ask === all) return;
        ask = all;
      }
    };
    for (const list of this.tail) scan(list);
    for (const l of this.nearestLists(query)) scan(this.lists[l]);
    const out: Match[] = [];
    for (const { key, distance } of best.sorted()) {
      const id = this.ids.id(key);
      if (id !== undefined && !exclude.has(id)) out.push({ id, score: 1 - distance });
      if (out.length === k) break;
    }
    return out;
  }

  /**
   * A bulk run (`paperboy index` over an archive): vectors gather unsorted until `settle`, which partitions them
   * once, instead of partitioning again at every doubling. Searches meanwhile scan every gathered vector.
   * Returns false when a run is deferring already: its own settle ends it.
   */
  defer(): boolean {
    if (this.deferred) return false;
    this.deferred = true;
    return true;
  }

  /** Ends a bulk run: partitions or sorts what gathered (on every core). */
  settle(): void {
    if (!this.deferred) return;
    this.deferred = false;
    this.maintain(0);
  }

  /**
   * Writes every vector added so far to `file` (ivf-file.ts); returns the ids one per line in key order, which
   * the caller keeps beside it.
   */
  save(file: string): Buffer {
    const { dimensions, partitionedAt, centres, lists, tail } = this;
    writeIvf(file, { dimensions, keys: this.ids.size, partitionedAt, centres, lists, tail });
    return this.ids.lines();
  }

  private read(file: string): void {
    const layout = readIvf(file, this.dimensions, this.ids.size, CHUNK);
    this.centres = layout.centres;
    this.coarse = layout.centres ? new CentreFinder(layout.centres, this.dimensions) : null;
    this.partitionedAt = layout.partitionedAt;
    this.lists = [...layout.lists];
    this.tail = [...layout.tail];
    [...this.lists, ...this.tail].forEach((list, l) => {
      const partitioned = l < this.lists.length;
      for (let slot = 0; slot < list.size; slot += 1) {
        const key = list.keys[slot] ?? NONE;
        // A key met a second time in the lists is its copy in its second list.
        const second = partitioned && this.places.list(key, FIRST) !== NONE;
        this.places.set(key, second ? SECOND : FIRST, l, slot);
      }
    });
  }

  private listAt(l: number): List | undefined {
    return l < this.lists.length ? this.lists[l] : this.tail[l - this.lists.length];
  }

  private remove(key: number): void {
    for (const copy of [FIRST, SECOND] as const) {
      const l = this.places.list(key, copy);
      const list = this.listAt(l);
      if (!list) continue;
      const at = this.places.slot(key, copy);
      const moved = list.removeAt(at);
      if (moved !== NONE) this.places.set(moved, this.places.copyIn(moved, l), l, at);
      this.places.forget(key, copy);
    }
  }

  /** The `probes` lists whose centres are nearest the query. */
  private nearestLists(query: Float32Array): number[] {
    const centres = this.centres;
    if (!centres) return [];
    const found = exactSearch(centres, query, this.dimensions, this.probes, MetricKind.Cos, 1);
    const matches = "get" in found ? found.get(0) : found;
    return Array.from(matches.keys, Number);
  }

  private unsorted(): number {
    return this.tail.reduce((sum, list) => sum + list.size, 0);
  }

  /** Partitions once there are enough vectors, again at every doubling; sorts the tail once it is long. */
  private maintain(threads: number): void {
    if (this.size < this.options.partitionFrom) return;
    if (!this.centres || this.size >= REPARTITION_GROWTH * this.partitionedAt) this.partition(threads);
    else if (this.unsorted() >= TAIL_MAX) this.sortTail(threads);
  }

  /** Spherical k-means over a sample of every vector held, then every vector into the list of its nearest centre. */
  private partition(threads: number): void {
    const d = this.dimensions;
    const count = Math.max(1, Math.round(this.size / this.options.listSize));
    const old = [...this.lists, ...this.tail].filter((list) => list.size > 0);
    const total = old.reduce((sum, list) => sum + list.size, 0);
    // An even spread over everything held: every list contributes in proportion to its size.
    const sampleSize = Math.min(total, count * SAMPLE_PER_LIST);
    const sample = new Int8Array(sampleSize * d);
    let taken = 0;
    let seen = 0;
    for (const list of old)
      for (let slot = 0; slot < list.size; slot += 1, seen += 1)
        if (Math.floor((seen * sampleSize) / total) >= taken && taken < sampleSize) {
          sample.set(list.data.subarray(slot * d, (slot + 1) * d), taken * d);
          taken += 1;
        }
    const centres = trainCentres(sample, count, d, threads);
    this.centres = centres;
    this.coarse = new CentreFinder(centres, d);
    this.lists = Array.from({ length: count }, () => new List(d, Math.ceil(this.options.listSize * 2.5)));
    this.tail = [];
    this.places.forgetSeconds();
    // Each old list is let go once its vectors have moved: memory peaks at one copy and one list. A vector held
    // twice moves once, when its first copy is met.
    const moved = new Uint8Array(this.ids.size);
    for (let i = 0; i < old.length; i += 1) {
      const list = old[i];
      old[i] = EMPTY;
      if (list) this.distribute(list, threads, moved);
    }
    this.partitionedAt = this.size;
  }

  /** The tail's vectors into the lists of their nearest centres. */
  private sortTail(threads: number): void {
    const tail = this.tail;
    this.tail = [];
    for (const list of tail) this.distribute(list, threads);
  }

  /**
   * Every vector of `list` (no longer one of the index's) into the list of its nearest centre and a second list
   * (centres.ts, `secondCentre`), leaving out those `moved` marks, and marking the rest.
   */
  private distribute(list: List, threads: number, moved?: Uint8Array): void {
    const d = this.dimensions;
    const coarse = this.coarse;
    if (!coarse) return;
    const rows: number[] = [];
    for (let i = 0; i < list.size; i += 1) {
      const key = list.keys[i] ?? NONE;
      if (moved) {
        if (moved[key] === 1) continue;
        moved[key] = 1;
      }
      rows.push(i);
    }
    const few = SECOND_CANDIDATES;
    for (let from = 0; from < rows.length; from += ASSIGN_BATCH) {
      const batchRows = rows.slice(from, from + ASSIGN_BATCH);
      const batch = new Int8Array(batchRows.length * d);
      batchRows.forEach((i, at) => {
        batch.set(list.data.subarray(i * d, (i + 1) * d), at * d);
      });
      const near = coarse.nearestFew(batch, few, threads);
      batchRows.forEach((i, at) => {
        const key = list.keys[i] ?? NONE;
        const first = near.keys[at * few] ?? 0;
        const target = this.lists[first];
        if (target) this.places.set(key, FIRST, first, target.push(key, list.data, i * d));
        const other = this.centres ? secondCentre(this.centres, d, near, at * few, few) : NONE;
        const spill = this.lists[other];
        if (spill) this.places.set(key, SECOND, other, spill.push(key, list.data, i * d));
      });
    }
  }
}
