import type { FastifyInstance } from "fastify";
import { submitPaper } from "../../community/submissions.js";
import { parseArxivId } from "../../core/arxiv-id.js";
import { paperById } from "../../ranking/daily-list.js";
import { featuredPapers } from "../../ranking/featured-papers.js";
import { searchPapers as runSearch, searchFilters } from "../../search/search-papers.js";
import type { Services } from "../../services.js";
import { pagePaperIds } from "../../storage/paper-pages.js";
import { getSummaries } from "../../storage/papers.js";
import { requireBearerAccount } from "../auth/bearer.js";
import { enforceRateLimit, RATE_RULES } from "../rate-limit.js";
import { decodeCursor, encodeCursor } from "./cursor.js";
import { dailyPapers, indexPaper, listPapers, paperInfo, searchPapers } from "./hf-operations.js";
import { periodOf } from "./period-query.js";
import { presentDailyPaper, presentPaper } from "./presenters.js";
import { DailyPapersQuery, IndexBody, PapersQuery, SearchQuery } from "./queries.js";
import { parseInput } from "./validate.js";

/** Hugging Face's read endpoints. Routes stay thin: parse with the operation's schema, one call, present. */
export function registerHfReadRoutes(app: FastifyInstance, services: Services) {
  const { database } = services;
  const context = { baseUrl: services.config.baseUrl };

  app.get(dailyPapers.path, async (request) => {
    const query = parseInput(DailyPapersQuery, request.query, "query");
    const page = await featuredPapers(database, {
      period: periodOf(query),
      page: query.p,
      limit: query.limit,
      sort: query.sort,
      submitter: query.submitter,
    });
    return page.items.map((paper) => presentDailyPaper(paper, context));
  });

  const onePaper = async (raw: string) =>
    presentPaper(await paperById(database, parseArxivId(raw).id), context);
  app.get<{ Params: { id: string } }>(paperInfo.path.replace("{id}", ":id"), (request) =>
    onePaper(request.params.id),
  );
  // Old-style ids carry a slash: /api/papers/hep-th/9901001.
  app.get<{ Params: { archive: string; number: string } }>("/api/papers/:archive/:number", (request) =>
    onePaper(`${request.params.archive}/${request.params.number}`),
  );

  app.get(searchPapers.path, async (request, reply) => {
    const query = parseInput(SearchQuery, request.query, "query");
    const outcome = await runSearch(
      { database, semantic: services.semantic },
      { ...query, filters: searchFilters(query) },
    );
    reply.header("x-total-count", String(outcome.total));
    return outcome.papers.map((paper) => presentDailyPaper(paper, context));
  });

  app.get(listPapers.path, async (request, reply) => {
    const query = parseInput(PapersQuery, request.query, "query");
    const page = await pagePaperIds(database, decodeCursor(query.cursor), query.limit);
    if (page.last !== null) {
      const next = `${context.baseUrl}/api/papers?cursor=${encodeCursor(page.last)}&limit=${query.limit}`;
      reply.header("link", `<${next}>; rel="next"`);
    }
    return (await getSummaries(database, page.ids)).map((paper) => presentPaper(paper, context));
  });
}

/** `POST /api/papers/index`: Hugging Face's submission endpoint, with a Paperboy API token. */
export function registerHfWriteRoutes(app: FastifyInstance, services: Services) {
  const context = { baseUrl: services.config.baseUrl };
  app.post(indexPaper.path, async (request, reply) => {
    const account = await requireBearerAccount(services, request);
    const { arxivId } = parseInput(IndexBody, request.body, "body");
    await enforceRateLimit(services, request, reply, RATE_RULES.submit, String(account.id));
    const submission = await submitPaper(services, account, arxivId);
    return presentPaper(await paperById(services.database, submission.paperId), context);
  });
}
