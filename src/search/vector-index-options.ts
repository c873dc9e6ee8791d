/** How the in-memory vector index (vector-index.ts) and pgvector's are sized and searched. */
export interface VectorIndexOptions {
  /**
   * Lists a search scans: probeFactor x the square root of the number of lists (all of them on small
   * corpora). At 3,000,000 papers in lists of 500, each vector in two, 3.5 (272 of 6,013 lists, about 275,000
   * vectors read) agreed with the exact scan on 95.4% of top-10 positions served, the index's own search
   * taking 8.5-8.7 ms at the median (docs/performance.md); VECTOR_PROBE_FACTOR sets it.
   */
  readonly probeFactor: number;
  /** Vectors per list that a partition aims at. */
  readonly listSize: number;
  /** Below this many vectors the index is one list, scanned whole: every search is exact. */
  readonly partitionFrom: number;
  /** pgvector's search breadth (`hnsw.ef_search`), where PostgreSQL holds the vectors instead. */
  readonly expansionSearch: number;
  /**
   * pgvector's index instead: a run with at least this many papers to embed, and at least as many as the index
   * holds, builds it after the run instead of inserting (indexed-embedder.ts; PGVECTOR_BULK when not given).
   */
  readonly pgvectorBulk?: number;
  /** A bulk run partitions once, at its end, from this many papers to embed (indexed-embedder.ts; DEFER_FROM). */
  readonly deferFrom?: number;
}

export const VECTOR_INDEX_DEFAULTS: VectorIndexOptions = Object.freeze({
  probeFactor: 3.5,
  listSize: 500,
  partitionFrom: 20_000,
  expansionSearch: 400,
});
