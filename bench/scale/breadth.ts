import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { VectorIndex } from "../../src/search/vector-index.js";
import { VECTOR_INDEX_DEFAULTS } from "../../src/search/vector-index-options.js";
import { type Percentiles, percentiles } from "./latency.js";

/** Probe factors (lists scanned: factor x sqrt(lists)) the served index is also searched with. */
export const PROBE_FACTORS = [2.5, 3, 3.5, 4, 6] as const;

export interface BreadthAgreement {
  readonly probeFactor: number;
  /** Lists scanned per search. */
  readonly probes: number;
  /** Top-10 positions shared with the exact scan, by the index's 8-bit ranking alone (not ranked again). */
  readonly agreement: number;
  /** The index's search alone, per query. */
  readonly search: Percentiles;
}

/**
 * The served index searched with other probe factors: the trade-off between agreement and search time, on one
 * partition (the factor is a search setting). Copies of the index are restored from a file with each factor,
 * one at a time.
 */
export async function agreementByBreadth(
  index: VectorIndex,
  queries: readonly Float32Array[],
  exact: readonly (readonly string[])[],
  k: number,
): Promise<BreadthAgreement[]> {
  const folder = mkdtempSync(join(tmpdir(), "paperboy-breadth-"));
  try {
    const file = join(folder, "vectors.ivf");
    const ids = index.save(file);
    return PROBE_FACTORS.map((probeFactor) => {
      const options = { ...VECTOR_INDEX_DEFAULTS, probeFactor };
      const copy = VectorIndex.restore(index.dimensions, options, file, ids);
      const times: number[] = [];
      let shared = 0;
      queries.forEach((query, q) => {
        const started = performance.now();
        const found = new Set(copy.search(query, k).map((m) => m.id));
        times.push(performance.now() - started);
        shared += (exact[q] ?? []).filter((id) => found.has(id)).length;
      });
      return {
        probeFactor,
        probes: copy.probes,
        agreement: shared / (queries.length * k),
        search: percentiles(times),
      };
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
