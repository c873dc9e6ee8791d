import type { FastifyInstance } from "fastify";
import { type ImportDeps, importIntoCollection } from "../../community/collection-import.js";
import { MAX_REFERENCE_FILE_BYTES } from "../../community/references/read-references.js";
import { fetchAndStorePapers } from "../../ingestion/arxiv/fetch-papers.js";
import type { Services } from "../../services.js";
import { requireBearerAccount } from "../auth/bearer.js";
import { enforceRateLimit, RATE_RULES } from "../rate-limit.js";
import { ImportBody } from "./collection-import-schemas.js";
import { CollectionParams } from "./collection-schemas.js";
import { parseInput } from "./validate.js";

/** An import's dependencies: the collection store, and arXiv's export API for papers this instance lacks. */
export function importDeps(services: Services): ImportDeps {
  return {
    database: services.database,
    clock: services.clock,
    fetchPapers: (ids, signal) => fetchAndStorePapers(services, ids, signal),
  };
}

/** JSON escapes can double a file's size; past this the body is refused before it is read in full. */
export const IMPORT_BODY_LIMIT = 2 * MAX_REFERENCE_FILE_BYTES + 1024;

/** `POST /api/collections/ID/import`: a reference file's papers into a collection (owner or editor). */
export function registerCollectionImportRoute(app: FastifyInstance, services: Services) {
  app.post("/api/collections/:id/import", { bodyLimit: IMPORT_BODY_LIMIT }, async (request, reply) => {
    const account = await requireBearerAccount(services, request);
    await enforceRateLimit(services, request, reply, RATE_RULES.importReferences, String(account.id));
    const { id } = parseInput(CollectionParams, request.params, "path");
    const { text, format } = parseInput(ImportBody, request.body, "body");
    const report = await importIntoCollection(importDeps(services), account, id, text, format);
    return reply.header("cache-control", "no-store").send(report);
  });
}
