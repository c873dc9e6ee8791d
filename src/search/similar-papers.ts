import { notFound } from "../core/errors.js";
import type { PaperSummary } from "../core/paper.js";
import type { Database } from "../storage/database.js";
import { getSummaries } from "../storage/papers.js";
import type { SemanticIndex } from "./semantic-index.js";

/** The papers nearest to a paper by its embedding, best first; empty until the paper has a vector. */
export async function similarPapers(
  deps: { readonly database: Database; readonly semantic: SemanticIndex },
  id: string,
  limit: number,
): Promise<PaperSummary[]> {
  const [paper] = await getSummaries(deps.database, [id]);
  if (!paper) throw notFound(`No paper ${id} is known here.`);
  const matches = await deps.semantic.similar(id, limit);
  return getSummaries(
    deps.database,
    matches.map((m) => m.id),
  );
}
