import type { FastifyRequest } from "fastify";
import { parseArxivId } from "../../core/arxiv-id.js";

type IdParams = { id?: string; archive?: string; number?: string };

/** The arXiv id in a route's params, whether new-style (:id) or old-style with its slash (:archive/:number). */
export function paperIdOf(request: FastifyRequest): string {
  const params = request.params as IdParams;
  return parseArxivId(params.id ?? `${params.archive}/${params.number}`).id;
}

/** Registers a paper route twice: for new-style ids and for old-style ids, which contain a slash. */
export function bothIdForms(path: string): string[] {
  return [path.replace("{id}", ":id"), path.replace("{id}", ":archive/:number")];
}
