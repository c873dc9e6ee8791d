import type { FastifyInstance } from "fastify";
import { submitPaper } from "../../community/submissions.js";
import { parseArxivId } from "../../core/arxiv-id.js";
import { everyPaper } from "../../lists/every-paper.js";
import { featuredList } from "../../lists/featured.js";
import { paperById } from "../../lists/paper.js";
import { searchList } from "../../lists/search.js";
import type { Services } from "../../services.js";
import { requireBearerAccount } from "../auth/bearer.js";
import { enforceRateLimit, RATE_RULES } from "../rate-limit.js";
import { enforceSearchLimit } from "../search/search-limits.js";
import { decodeCursor, encodeCursor } from "./cursor.js";
import { dailyPapers, indexPaper, listPapers, paperInfo, searchPapers } from "./hf-operations.js";
import { hfPage, pagesOfWindow } from "./paging.js";
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
    const list = await featuredList(database, {
      ...hfPage(query),
      period: periodOf(query),
      sort: query.sort === "trending" ? "upvotes" : "featured",
      submitter: query.submitter,
    });
    return list.papers.map((paper) => presentDailyPaper(paper, context));
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
    const { offset, limit, ...terms } = parseInput(SearchQuery, request.query, "query");
    await enforceSearchLimit(services, request, reply);
    const pages = await Promise.all(
      pagesOfWindow(offset, limit).map((page) => searchList(services.search, terms, page)),
    );
    const skip = offset % limit;
    const papers = pages.flatMap((list) => list.papers).slice(skip, skip + limit);
    if (pages.some((list) => list.partial)) reply.header("x-search-partial", "time budget");
    reply.header("x-total-count", String(pages[0]?.total ?? 0));
    return papers.map((paper) => presentDailyPaper(paper, context));
  });

  app.get(listPapers.path, async (request, reply) => {
    const query = parseInput(PapersQuery, request.query, "query");
    const page = await everyPaper(database, decodeCursor(query.cursor), query.limit);
    if (page.last !== null) {
      const next = `${context.baseUrl}/api/papers?cursor=${encodeCursor(page.last)}&limit=${query.limit}`;
      reply.header("link", `<${next}>; rel="next"`);
    }
    return page.papers.map((paper) => presentPaper(paper, context));
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
