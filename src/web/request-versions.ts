import type { FastifyRequest } from "fastify";
import { type Versions, versions } from "../storage/data-version.js";
import type { Database } from "../storage/database.js";

const read = new WeakMap<FastifyRequest, Promise<Versions>>();

/**
 * The data version and the count of ended sessions as of this request, read once for all its hooks (the session
 * lookup and the page cache), by a read that started after the request came.
 */
export function requestVersions(request: FastifyRequest, database: Database): Promise<Versions> {
  let known = read.get(request);
  if (!known) {
    known = versions(database);
    read.set(request, known);
  }
  return known;
}
