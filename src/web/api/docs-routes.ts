import type { FastifyInstance } from "fastify";
import { h } from "preact";
import type { Services } from "../../services.js";
import { ApiDocsPage } from "../pages/api-docs-page.js";
import { renderDocument } from "../render.js";
import { openApiDocument } from "./openapi.js";
import { API_OPERATIONS, openApiOperation } from "./operations.js";

/** The OpenAPI document and its reference page, both built once: neither changes while the server runs. */
export function registerApiDocs(app: FastifyInstance, services: Services) {
  const document = openApiDocument(API_OPERATIONS, services.config.baseUrl);
  const json = JSON.stringify(document);
  const page = renderDocument(h(ApiDocsPage, { document }));
  app.get(openApiOperation.path, (_request, reply) =>
    reply.type("application/json; charset=utf-8").send(json),
  );
  app.get("/docs/api", (_request, reply) => reply.type("text/html; charset=utf-8").send(page));
  app.get("/api", (_request, reply) => reply.redirect("/docs/api"));
}
