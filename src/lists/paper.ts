import { notFound } from "../core/errors.js";
import type { Paper } from "../core/paper.js";
import type { Database } from "../storage/database.js";
import { getPaper } from "../storage/papers.js";

/** One paper with its versions, as its page, the API and the citation formats show it; 404 when unknown. */
export async function paperById(database: Database, id: string): Promise<Paper> {
  const paper = await getPaper(database, id);
  if (!paper) throw notFound(`No paper ${id} is known here. Submit it to fetch it from arXiv.`);
  return paper;
}
