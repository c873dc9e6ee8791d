import type { FastifyInstance, FastifyRequest } from "fastify";
import { addEditor, removeEditor } from "../../community/collection-editors.js";
import { openCollection } from "../../community/collection-view.js";
import {
  changeCollection,
  createCollection,
  memberPublicCollections,
  myCollections,
  removeCollection,
} from "../../community/collections.js";
import type { Services } from "../../services.js";
import { requireBearerAccount } from "../auth/bearer.js";
import { collectionWriter, optionalAccount } from "./collection-auth.js";
import { registerCollectionImportRoute } from "./collection-import-routes.js";
import { registerCollectionPaperRoutes } from "./collection-paper-routes.js";
import { presentCollection, presentCollectionSummary } from "./collection-presenters.js";
import {
  CollectionBody,
  CollectionParams,
  CollectionPatch,
  CollectionsQuery,
  EditorBody,
  EditorParams,
} from "./collection-schemas.js";
import { parseInput } from "./validate.js";

/** `/api/collections...`: collections with tokens; public ones readable without. Private answers: no-store. */
export function registerCollectionRoutes(app: FastifyInstance, services: Services) {
  const context = { baseUrl: services.config.baseUrl };
  const idOf = (request: FastifyRequest) => parseInput(CollectionParams, request.params, "path").id;

  app.get("/api/collections", async (request, reply) => {
    const { member } = parseInput(CollectionsQuery, request.query, "query");
    if (member !== undefined)
      return (await memberPublicCollections(services, member)).map((c) =>
        presentCollectionSummary(c, context),
      );
    const account = await requireBearerAccount(services, request);
    reply.header("cache-control", "no-store");
    return (await myCollections(services, account)).map((c) => presentCollectionSummary(c, context));
  });
  app.post("/api/collections", async (request, reply) => {
    const account = await collectionWriter(services, request, reply);
    const created = await createCollection(
      services,
      account,
      parseInput(CollectionBody, request.body, "body"),
    );
    return reply
      .status(201)
      .header("cache-control", "no-store")
      .send(presentCollectionSummary(created, context));
  });
  app.get("/api/collections/:id", async (request, reply) => {
    const viewer = await optionalAccount(services, request);
    const view = await openCollection(services, viewer, idOf(request));
    if (view.role !== "reader" || view.collection.visibility === "private")
      reply.header("cache-control", "no-store");
    return presentCollection(view, context);
  });
  app.patch("/api/collections/:id", async (request, reply) => {
    const account = await collectionWriter(services, request, reply);
    const input = parseInput(CollectionPatch, request.body ?? {}, "body");
    const changed = await changeCollection(services, account, idOf(request), input);
    return reply.header("cache-control", "no-store").send(presentCollectionSummary(changed, context));
  });
  app.delete("/api/collections/:id", async (request, reply) => {
    const account = await collectionWriter(services, request, reply);
    await removeCollection(services, account, idOf(request));
    return reply.status(204).send();
  });
  app.post("/api/collections/:id/editors", async (request, reply) => {
    const account = await collectionWriter(services, request, reply);
    const { handle } = parseInput(EditorBody, request.body, "body");
    await addEditor(services, account, idOf(request), handle);
    return reply.status(204).send();
  });
  app.delete("/api/collections/:id/editors/:handle", async (request, reply) => {
    const account = await collectionWriter(services, request, reply);
    const { id, handle } = parseInput(EditorParams, request.params, "path");
    await removeEditor(services, account, id, handle);
    return reply.status(204).send();
  });
  registerCollectionPaperRoutes(app, services);
  registerCollectionImportRoute(app, services);
}
