import type { FastifyInstance, FastifyRequest } from "fastify";
import {
  addToCollection,
  movePaper,
  removeFromCollection,
  setNote,
} from "../../community/collection-papers.js";
import { parseArxivId } from "../../core/arxiv-id.js";
import type { Services } from "../../services.js";
import { collectionWriter } from "./collection-auth.js";
import { CollectionPaperBody, CollectionPaperPatch, CollectionParams } from "./collection-schemas.js";
import { bothIdForms, paperIdOf } from "./paper-routes.js";
import { parseInput } from "./validate.js";

/** The papers of a collection through the API: add, annotate, move, remove. */
export function registerCollectionPaperRoutes(app: FastifyInstance, services: Services) {
  const idOf = (request: FastifyRequest) => parseInput(CollectionParams, request.params, "path").id;

  app.post("/api/collections/:id/papers", async (request, reply) => {
    const account = await collectionWriter(services, request, reply);
    const input = parseInput(CollectionPaperBody, request.body, "body");
    const paperId = parseArxivId(input.paperId).id;
    return addToCollection(services, account, idOf(request), paperId, input.note ?? "");
  });
  // A paper's id may hold a slash (hep-th/9901001), so each route comes in both forms.
  for (const path of bothIdForms("/api/collections/:collection/papers/{id}")) {
    const collectionOf = (request: FastifyRequest) =>
      parseInput(CollectionParams, { id: (request.params as { collection?: string }).collection }, "path").id;
    app.patch(path, async (request, reply) => {
      const account = await collectionWriter(services, request, reply);
      const input = parseInput(CollectionPaperPatch, request.body ?? {}, "body");
      const id = collectionOf(request);
      const paperId = paperIdOf(request);
      if (input.note !== undefined) await setNote(services, account, id, paperId, input.note);
      if (input.place !== undefined) await movePaper(services, account, id, paperId, input.place);
      return reply.status(204).send();
    });
    app.delete(path, async (request, reply) => {
      const account = await collectionWriter(services, request, reply);
      await removeFromCollection(services, account, collectionOf(request), paperIdOf(request));
      return reply.status(204).send();
    });
  }
}
