import { exactSearch, MetricKind } from "usearch";
import { systemClock } from "../../src/core/clock.js";
import { cosine } from "../../src/search/embedders/embedder.js";
import { LsaSource } from "../../src/search/embedders/lsa-source.js";
import type { Services } from "../../src/services.js";
import { embeddingWatermark } from "../../src/storage/embedding-revisions.js";
import { loadVectors, storedVector } from "../../src/storage/embeddings.js";
import { agreementByBreadth, type BreadthAgreement } from "./breadth.js";
import type { BenchQueries } from "./queries.js";

const K = 10;
/**
 * A served neighbour counts as a near tie when its cosine similarity (from its stored vector) is within this of
 * the exact 10th's: on the generated archive the 10th and 11th nearest differ by 0.0016 at the median.
 */
const NEAR_TIE = 0.001;
/** Revisions read per round trip (a revision is one batch of 500 vectors). */
const REVISIONS = 40;

type Best = { id: string; score: number }[];

function merge(best: Best, found: Best): Best {
  return [...best, ...found].sort((a, b) => b.score - a.score).slice(0, K);
}

/** The exact top 10 of every query over every stored vector, read a page at a time and scanned by usearch. */
export async function exactTops(
  services: Services,
  identity: { name: string; version: string },
  queries: Float32Array[],
) {
  const dimensions = queries[0]?.length ?? 0;
  const flatQueries = new Float32Array(queries.length * dimensions);
  for (const [i, q] of queries.entries()) flatQueries.set(q, i * dimensions);
  let best: Best[] = queries.map(() => []);
  const mark = (await embeddingWatermark(services.database, identity.name)).revision;
  for (let after = -1; after < mark; after += REVISIONS) {
    const page = await loadVectors(services.database, identity, after, after + REVISIONS);
    if (page.length === 0) continue;
    const data = new Float32Array(page.length * dimensions);
    for (const [i, v] of page.entries()) data.set(v.vector, i * dimensions);
    const k = Math.min(K, page.length);
    const result = exactSearch(data, flatQueries, dimensions, k, MetricKind.Cos);
    best = best.map((list, q) => {
      const found = "get" in result ? result.get(q) : result;
      return merge(
        list,
        Array.from(found.keys, (key, j) => ({
          id: page[Number(key)]?.paperId ?? "",
          score: 1 - (found.distances[j] ?? 1),
        })),
      );
    });
  }
  return best;
}

export interface Agreement {
  /** Through searchText, as readers are served. */
  readonly served: number;
  /** Served top-10 positions holding a paper at least as near as the exact 10th, less NEAR_TIE. */
  readonly nearTies: number;
  /** The same index searched with other probe factors (empty unless asked for). */
  readonly byBreadth: readonly BreadthAgreement[];
}

/**
 * How often the served nearest neighbours agree with the exact scan: top-10 positions shared, over the 400 bench
 * queries embedded as a reader's query is (the vector index's answers through searchText, exact cosine over
 * every stored vector); with `breadths`, also with other probe factors.
 */
export async function vectorAgreement(
  services: Services,
  queries: BenchQueries,
  breadths = false,
): Promise<Agreement> {
  const model = await new LsaSource(services.database, systemClock).current();
  if (!model) return { served: Number.NaN, nearTies: Number.NaN, byBreadth: [] };
  const texts = [...queries.titles, ...queries.phrases];
  const vectors = await model.embed(texts.map((body) => ({ title: "", body })));
  const exact = await exactTops(services, model, vectors);
  let agree = 0;
  let nearTies = 0;
  for (const [i, text] of texts.entries()) {
    const served = (await services.semantic.searchText(text, K)).map((m) => m.id);
    const found = new Set(served);
    const best = exact[i] ?? [];
    agree += best.filter((m) => found.has(m.id)).length;
    const tenth = best.at(-1)?.score ?? 1;
    const query = vectors[i];
    for (const id of served) {
      const stored = await storedVector(services.database, model, id);
      if (query && stored && cosine(query, stored) >= tenth - NEAR_TIE) nearTies += 1;
    }
  }
  const index = services.semantic.vectors;
  const exactIds = exact.map((best) => best.map((m) => m.id));
  const byBreadth = breadths && index ? await agreementByBreadth(index, vectors, exactIds, K) : [];
  const positions = texts.length * K;
  return { served: agree / positions, nearTies: nearTies / positions, byBreadth };
}
