import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { openCollection } from "../../community/collection-view.js";
import { parseArxivId } from "../../core/arxiv-id.js";
import { collectionIdOf } from "../../core/collection.js";
import { notFound } from "../../core/errors.js";
import type { PaperSummary } from "../../core/paper.js";
import { dayPeriod, type Period, parseMonth, parseWeek } from "../../core/periods.js";
import { everyFeaturedPaper } from "../../lists/featured.js";
import { paperById } from "../../lists/paper.js";
import { searchFilters, searchPapers } from "../../search/search-papers.js";
import type { Services } from "../../services.js";
import { SEARCH_FILTERS } from "../api/queries.js";
import { parseForm } from "../form.js";
import { EXPORT_FORMAT_NAMES, type ExportFormat, exportDocument } from "./formats.js";

/** The most search results one export holds: the first pages a reader looked through, not the whole index. */
export const SEARCH_EXPORT_LIMIT = 200;

const searchQuery = z.object({ q: z.string().max(500).default(""), ...SEARCH_FILTERS });

function send(reply: FastifyReply, format: ExportFormat, papers: readonly PaperSummary[], name: string) {
  const document = exportDocument(format, papers, name);
  return reply
    .type(document.contentType)
    .header("content-disposition", `inline; filename="${document.fileName}"`)
    .send(document.body);
}

/**
 * Every export in every format (`.../bibtex`, `.../ris`, `.../csl-json`): a paper, a day, a week, a month, a
 * search and a collection. A collection's export follows its page's rules: private ones only for its members.
 */
export function registerExportRoutes(app: FastifyInstance, services: Services) {
  const { database } = services;
  const period =
    (key: string, parse: (key: string) => Period) => async (format: ExportFormat, reply: FastifyReply) => {
      const chosen = parse(key);
      return send(reply, format, await everyFeaturedPaper(database, chosen), `papers-${chosen.key}`);
    };
  for (const format of EXPORT_FORMAT_NAMES) {
    const paper = async (raw: string, reply: FastifyReply) => {
      const found = await paperById(database, parseArxivId(raw).id);
      return send(reply, format, [found], found.id);
    };
    app.get<{ Params: { id: string } }>(`/papers/:id/${format}`, (request, reply) =>
      paper(request.params.id, reply),
    );
    app.get<{ Params: { archive: string; number: string } }>(
      `/papers/:archive/:number/${format}`,
      (request, reply) => paper(`${request.params.archive}/${request.params.number}`, reply),
    );
    app.get<{ Params: { day: string } }>(`/papers/date/:day/${format}`, (request, reply) =>
      period(request.params.day, dayPeriod)(format, reply),
    );
    app.get<{ Params: { week: string } }>(`/papers/week/:week/${format}`, (request, reply) =>
      period(request.params.week, parseWeek)(format, reply),
    );
    app.get<{ Params: { month: string } }>(`/papers/month/:month/${format}`, (request, reply) =>
      period(request.params.month, parseMonth)(format, reply),
    );
    app.get(`/search/${format}`, (request, reply) => searchExport(services, request, reply, format));
    app.get<{ Params: { ref: string } }>(`/collections/:ref/${format}`, (request, reply) =>
      collectionExport(services, request, reply, format),
    );
  }
}

async function searchExport(
  services: Services,
  request: FastifyRequest,
  reply: FastifyReply,
  format: ExportFormat,
) {
  const input = parseForm(searchQuery, request.query);
  const deps = { database: services.database, semantic: services.semantic };
  const outcome = await searchPapers(deps, {
    q: input.q,
    mode: input.mode,
    offset: 0,
    limit: SEARCH_EXPORT_LIMIT,
    filters: searchFilters(input),
  });
  const papers = outcome.goTo ? [await paperById(services.database, outcome.goTo)] : outcome.papers;
  return send(reply, format, papers, "search");
}

async function collectionExport(
  services: Services,
  request: FastifyRequest<{ Params: { ref: string } }>,
  reply: FastifyReply,
  format: ExportFormat,
) {
  const id = collectionIdOf(request.params.ref);
  if (id === null) throw notFound(`There is no collection at ${request.url}.`);
  const view = await openCollection(services, request.account, id);
  if (view.role !== "reader" || view.collection.visibility === "private")
    reply.header("cache-control", "no-store");
  const name = `collection-${view.collection.id}`;
  return send(
    reply,
    format,
    view.entries.map((entry) => entry.paper),
    name,
  );
}
