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
  /**
   * A run asked to build its graph on a thread of its own does so from this many papers to embed on
   * (indexed-embedder.ts; GRAPH_THREAD_FROM when not given).
   */
  readonly graphThreadFrom?: number;
}

/**
 * Below this many vectors a graph takes its insertions one at a time whatever the caller asks. Threads inserting
 * at once into a near-empty graph all link to the same few nodes, and HNSW's pruning then leaves some papers with
 * no edge leading to them: measured with 180 random unit vectors added on every core at once, 2 of 10 graphs had
 * papers no search could reach (a second process's similar papers lost their best match), and so did graphs of
 * 2,000 and 20,000; none in the same trials once the first 180 to 1,000 went in one by one. Past that base,
 * parallel insertion keeps the graph whole and builds about twice as fast on two cores.
 */
const SERIAL_BASE = 2_000;

/** An empty HNSW graph of unit vectors (usearch), for vector-index.ts and the graph's own thread alike. */
export function graphOf(dimensions: number, options: VectorIndexOptions): Index {
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

/**
 * Inserts `vectors` (end to end) under `keys` after removing the keys in `replaced`; `threads` 0 lets usearch use
 * every core. The first SERIAL_BASE vectors of a graph go in one at a time whatever `threads` says.
 */
export function insert(
  graph: Index,
  dimensions: number,
  keys: BigUint64Array,
  vectors: Float32Array,
  replaced: BigUint64Array,
  threads: number,
): void {
  if (replaced.length > 0) graph.remove(replaced);
  const serial = Math.min(keys.length, Math.max(0, SERIAL_BASE - graph.size()));
  // One vector per call, each with the same thread count as the rest: usearch sizes its per-thread scratch
  // space for the thread count of the call that grows the graph, and refuses a later call with more threads.
  for (let i = 0; i < serial; i += 1)
    graph.add(keys.slice(i, i + 1), vectors.slice(i * dimensions, (i + 1) * dimensions), threads);
  if (serial < keys.length) graph.add(keys.slice(serial), vectors.slice(serial * dimensions), threads);
}
