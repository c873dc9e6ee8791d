import { Index, MetricKind, ScalarKind } from "usearch";

export interface VectorIndexOptions {
  /**
   * HNSW graph degree and search breadth, tuned for >= 95% top-10 agreement with the exact scan on real-text
   * queries (bench/scale.bench.ts).
   */
  readonly connectivity: number;
  readonly expansionAdd: number;
  readonly expansionSearch: number;
  /**
   * pgvector's index instead: a run with at least this many papers to embed, and at least as many as the index
   * holds, builds it after the run instead of inserting (indexed-embedder.ts; PGVECTOR_BULK when not given).
   */
  readonly pgvectorBulk?: number;
}

export const VECTOR_INDEX_DEFAULTS: VectorIndexOptions = Object.freeze({
  connectivity: 16,
  expansionAdd: 64,
  expansionSearch: 400,
});

/**
 * Below this many vectors a graph takes its insertions one at a time whatever the caller asks. Threads inserting
 * at once into a near-empty graph all link to the same few nodes, and HNSW's pruning then leaves some papers with
 * no edge leading to them: measured with 180 random unit vectors added on every core at once, 2 of 10 graphs had
 * papers no search could reach (a second process's similar papers lost their best match), and so did graphs of
 * 2,000 and 20,000; none in the same trials once the first 180 to 1,000 went in one by one. Past that base,
 * parallel insertion keeps the graph whole and builds about twice as fast on two cores.
 */
const SERIAL_BASE = 2_000;

export interface Match {
  readonly id: string;
  readonly score: number;
}

/**
 * Paper vectors in memory, held once: in bfloat16 inside an HNSW graph (usearch), keyed by a number per
 * paper in the order papers arrived. On small corpora the search visits every vector and is exact. A paper
 * added twice keeps its latest vector. The graph and its ids can be saved and restored, so that a process
 * starts without rebuilding the graph (vector-index-files.ts).
 */
export class VectorIndex {
  private readonly keys = new Map<string, number>();

  private constructor(
    readonly dimensions: number,
    private readonly graph: Index,
    private readonly ids: string[],
  ) {
    ids.forEach((id, key) => {
      this.keys.set(id, key);
    });
  }

  static create(dimensions: number, options: VectorIndexOptions = VECTOR_INDEX_DEFAULTS): VectorIndex {
    return new VectorIndex(dimensions, graphOf(dimensions, options), []);
  }

  /** An index written by `save`: the graph file and its ids in key order. */
  static restore(dimensions: number, options: VectorIndexOptions, file: string, ids: string[]): VectorIndex {
    const graph = graphOf(dimensions, options);
    graph.load(file);
    if (graph.dimensions() !== dimensions) throw new Error(`${file} holds vectors of another size`);
    return new VectorIndex(dimensions, graph, ids);
  }

  get size(): number {
    return this.keys.size;
  }

  has(id: string): boolean {
    return this.keys.has(id);
  }

  /**
   * Adds unit vectors; `threads` 0 lets usearch use every core (a bulk load), 1 keeps a server's work short.
   * The first SERIAL_BASE vectors of a graph go in one thread whatever `threads` says.
   */
  add(entries: readonly { readonly id: string; readonly vector: Float32Array }[], threads = 1): void {
    if (entries.length === 0) return;
    const keys = new BigUint64Array(entries.length);
    const vectors = new Float32Array(entries.length * this.dimensions);
    const replaced: bigint[] = [];
    entries.forEach(({ id, vector }, i) => {
      let key = this.keys.get(id);
      if (key === undefined) {
        key = this.ids.length;
        this.ids.push(id);
        this.keys.set(id, key);
      } else replaced.push(BigInt(key));
      keys[i] = BigInt(key);
      vectors.set(vector, i * this.dimensions);
    });
    if (replaced.length > 0) this.graph.remove(BigUint64Array.from(replaced));
    const serial = Math.min(entries.length, Math.max(0, SERIAL_BASE - this.graph.size()));
    // One vector per call, each with the same thread count as the rest: usearch sizes its per-thread scratch
    // space for the thread count of the call that grows the graph, and refuses a later call with more threads.
    for (let i = 0; i < serial; i += 1)
      this.graph.add(
        keys.slice(i, i + 1),
        vectors.slice(i * this.dimensions, (i + 1) * this.dimensions),
        threads,
      );
    if (serial < entries.length)
      this.graph.add(keys.slice(serial), vectors.slice(serial * this.dimensions), threads);
  }

  /** The k nearest papers to a unit vector, best first, leaving out `exclude`. */
  search(query: Float32Array, k: number, exclude: ReadonlySet<string> = new Set()): Match[] {
    const size = this.graph.size();
    if (size === 0 || k <= 0) return [];
    const found = this.graph.search(query, Math.min(k + exclude.size, size), 1);
    const out: Match[] = [];
    for (let i = 0; i < found.keys.length && out.length < k; i += 1) {
      const id = this.ids[Number(found.keys[i])];
      if (id !== undefined && !exclude.has(id)) out.push({ id, score: 1 - (found.distances[i] ?? 1) });
    }
    return out;
  }

  /** Writes the graph to `file`; returns the ids in key order, which the caller keeps beside it. */
  save(file: string): readonly string[] {
    this.graph.save(file);
    return this.ids;
  }
}

function graphOf(dimensions: number, options: VectorIndexOptions): Index {
  return new Index({
    dimensions,
    metric: MetricKind.Cos,
    // bfloat16, like half precision two bytes a number, but this machine's processors multiply it natively
    // (AVX-512 BF16): on 300,000 stored vectors the graph built in 119 s against 185 s, searched in half the time,
    // and agreed with the exact scan as often (91.0% against 91.1% of top-10 positions at breadth 400); int8
    // built in 87 s but agreed on 84.6% (bench hnsw). A graph saved in half precision loads as it was saved.
    quantization: ScalarKind.BF16,
    connectivity: options.connectivity,
    expansion_add: options.expansionAdd,
    expansion_search: options.expansionSearch,
    multi: false,
  });
}
