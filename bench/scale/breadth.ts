import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { VECTOR_INDEX_DEFAULTS, VectorIndex } from "../../src/search/vector-index.js";
import { type Percentiles, percentiles } from "./latency.js";

/** Search breadths (usearch's expansion_search) the served graph is also searched at. */
export const BREADTHS = [200, 400, 600, 800, 1200] as const;

export interface BreadthAgreement {
  readonly breadth: number;
  /** Top-10 positions shared with the exact scan. */
  readonly agreement: number;
  /** The graph search alone, per query. */
  readonly search: Percentiles;
}

/**
 * The served graph searched at other breadths: the trade-off between agreement and search time, on one graph
 * (the breadth is a search setting, not part of the graph). Copies of the graph are restored from a file with
 * each breadth, one at a time.
 */
export async function agreementByBreadth(
  index: VectorIndex,
  queries: readonly Float32Array[],
  exact: readonly (readonly string[])[],
  k: number,
): Promise<BreadthAgreement[]> {
  const folder = mkdtempSync(join(tmpdir(), "paperboy-breadth-"));
  try {
    const file = join(folder, "graph.usearch");
    const ids = [...(await index.save(file))];
    return BREADTHS.map((breadth) => {
      const options = { ...VECTOR_INDEX_DEFAULTS, expansionSearch: breadth };
      const copy = VectorIndex.restore(index.dimensions, options, file, ids);
      const times: number[] = [];
      let shared = 0;
      queries.forEach((query, q) => {
        const started = performance.now();
        const found = new Set(copy.search(query, k).map((m) => m.id));
        times.push(performance.now() - started);
        shared += (exact[q] ?? []).filter((id) => found.has(id)).length;
      });
      return { breadth, agreement: shared / (queries.length * k), search: percentiles(times) };
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
