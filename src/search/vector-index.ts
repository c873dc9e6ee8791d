import type { Index } from "usearch";
import { graphOf, insert, type VectorIndexOptions } from "./graph.js";
import { GraphThread } from "./graph-thread.js";

export type { VectorIndexOptions } from "./graph.js";

export const VECTOR_INDEX_DEFAULTS: VectorIndexOptions = Object.freeze({
  connectivity: 16,
  expansionAdd: 64,
  expansionSearch: 400,
});

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
  /** During a long run of insertions (moveToThread) the graph lives on its own thread, and `graph` is null. */
  private thread: GraphThread | null = null;

  private constructor(
    readonly dimensions: number,
    private readonly options: VectorIndexOptions,
    private graph: Index | null,
    private readonly ids: string[],
  ) {
    ids.forEach((id, key) => {
      this.keys.set(id, key);
    });
  }

  static create(dimensions: number, options: VectorIndexOptions = VECTOR_INDEX_DEFAULTS): VectorIndex {
    return new VectorIndex(dimensions, options, graphOf(dimensions, options), []);
  }

  /** An index written by `save`: the graph file and its ids in key order. */
  static restore(dimensions: number, options: VectorIndexOptions, file: string, ids: string[]): VectorIndex {
    const graph = graphOf(dimensions, options);
    graph.load(file);
    if (graph.dimensions() !== dimensions) throw new Error(`${file} holds vectors of another size`);
    return new VectorIndex(dimensions, options, graph, ids);
  }

  get size(): number {
    return this.keys.size;
  }

  has(id: string): boolean {
    return this.keys.has(id);
  }

  /**
   * Adds unit vectors; `threads` 0 lets usearch use every core (a bulk load), 1 keeps a server's work short.
   * The first vectors of a graph go in one at a time whatever `threads` says (graph.ts). While the graph is on
   * its own thread the insertion is only queued there (see caughtUp).
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
    const removed = BigUint64Array.from(replaced);
    if (this.thread) this.thread.add(keys, vectors, removed, threads);
    else insert(this.inPlace(), this.dimensions, keys, vectors, removed, threads);
  }

  /** The k nearest papers to a unit vector, best first, leaving out `exclude`. */
  search(query: Float32Array, k: number, exclude: ReadonlySet<string> = new Set()): Match[] {
    const graph = this.inPlace();
    const size = graph.size();
    if (size === 0 || k <= 0) return [];
    const found = graph.search(query, Math.min(k + exclude.size, size), 1);
    const out: Match[] = [];
    for (let i = 0; i < found.keys.length && out.length < k; i += 1) {
      const id = this.ids[Number(found.keys[i])];
      if (id !== undefined && !exclude.has(id)) out.push({ id, score: 1 - (found.distances[i] ?? 1) });
    }
    return out;
  }

  /**
   * Writes the graph, with every vector added so far, to `file`; returns the ids in key order, which the caller
   * keeps beside it.
   */
  async save(file: string): Promise<readonly string[]> {
    const ids = this.ids.slice();
    if (this.thread) await this.thread.save(file);
    else this.inPlace().save(file);
    return ids;
  }

  /**
   * Moves the graph to a thread of its own for a long run of insertions, through a file in `scratch` when it
   * holds vectors already; searches wait for moveBack. Returns false (the graph stays here) where the thread's
   * compiled worker is missing.
   */
  async moveToThread(scratch: string): Promise<boolean> {
    if (this.thread) return true;
    const thread = await GraphThread.start(this.dimensions, this.options, this.inPlace(), scratch);
    if (!thread) return false;
    this.thread = thread;
    this.graph = null;
    return true;
  }

  /** Waits until the graph's thread has at most `queued` insertions left to make (at once in place). */
  async caughtUp(queued: number): Promise<void> {
    await this.thread?.drain(queued);
  }

  /**
   * Brings the graph back from its thread once every insertion is made (through a file in `scratch`). If the
   * thread failed, its error is thrown and the index is unusable: the stored vectors rebuild it in a new
   * process.
   */
  async moveBack(scratch: string): Promise<void> {
    const thread = this.thread;
    if (!thread) return;
    this.thread = null;
    try {
      this.graph = await thread.finish(this.options, this.dimensions, scratch);
    } catch (error) {
      await thread.close();
      throw error;
    }
  }

  private inPlace(): Index {
    if (!this.graph)
      throw new Error("the vector index is being built on its own thread; it answers once the run ends");
    return this.graph;
  }
}
