import type { FastifyInstance, FastifyReply } from "fastify";
import { parseArxivId } from "../../core/arxiv-id.js";
import { paperById } from "../../lists/paper.js";
import type { Services } from "../../services.js";
import { registerExportRoutes } from "./export-routes.js";
import { paperMarkdown } from "./markdown.js";

type OldStyle = { Params: { archive: string; number: string } };
type NewStyle = { Params: { id: string } };

/**
 * A paper as Markdown, and the citation exports (export-routes.ts). Old-style ids contain a slash, so each paper
 * route has a second form with two segments (/papers/hep-th/9901001.md).
 */
export function registerCitationRoutes(app: FastifyInstance, services: Services) {
  const { database } = services;
  const paperOf = (raw: string) => paperById(database, parseArxivId(raw).id);

  const markdown = async (raw: string, reply: FastifyReply) =>
    reply
      .type("text/markdown; charset=utf-8")
      .send(paperMarkdown(await paperOf(raw), services.config.baseUrl));
  app.get<NewStyle>("/papers/:id.md", (request, reply) => markdown(request.params.id, reply));
  app.get<OldStyle>("/papers/:archive/:number.md", (request, reply) =>
    markdown(`${request.params.archive}/${request.params.number}`, reply),
  );

  registerExportRoutes(app, services);
}
