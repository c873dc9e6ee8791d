import { LRUCache } from "lru-cache";
import { notFound } from "../core/errors.js";
import type { PaperSummary } from "../core/paper.js";
import type { Database } from "../storage/database.js";
import { getSummaries } from "../storage/papers.js";
import type { SemanticIndex } from "./semantic-index.js";

const NEIGHBOURS_KEPT = 5_000;

/**
 * Each paper's neighbours, per index: they move only with the index's generation, while votes and comments
 * make the paper pages that show them stale many times a second under load, and each fresh render searched the
 * index again on the server's thread.
 */
const neighbours = new WeakMap<SemanticIndex, LRUCache<string, readonly string[]>>();

async function nearestIds(semantic: SemanticIndex, id: string, limit: number): Promise<readonly string[]> {
  let kept = neighbours.get(semantic);
  if (!kept) {
    kept = new LRUCache({ max: NEIGHBOURS_KEPT });
    neighbours.set(semantic, kept);
  }
  const key = `${semantic.generation} ${limit} ${id}`;
  const known = kept.get(key);
  if (known) return known;
  const ids = (await semantic.similar(id, limit)).map((match) => match.id);
  // None yet: the paper's vector may be stored a moment from now, and then its neighbours show at once.
  if (ids.length > 0) kept.set(key, ids);
  return ids;
}

/** The papers nearest to a paper by its embedding, best first; empty until the paper has a vector. */
export async function similarPapers(
  deps: { readonly database: Database; readonly semantic: SemanticIndex },
  id: string,
  limit: number,
): Promise<PaperSummary[]> {
  // Both at once: on PostgreSQL they are two round trips.
  const [[paper], ids] = await Promise.all([
    getSummaries(deps.database, [id]),
    nearestIds(deps.semantic, id, limit),
  ]);
  if (!paper) throw notFound(`No paper ${id} is known here.`);
  return getSummaries(deps.database, [...ids]);
}
