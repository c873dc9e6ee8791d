import type { FastifyInstance } from "fastify";
import { h } from "preact";
import { z } from "zod";
import { parseArxivId } from "../../core/arxiv-id.js";
import { invalid } from "../../core/errors.js";
import { SEARCH_MODES, searchPapers } from "../../search/search-papers.js";
import { similarPapers } from "../../search/similar-papers.js";
import type { Services } from "../../services.js";
import { pendingKeywordIndex } from "../../storage/keyword-index-queue.js";
import { presentPaperEntry } from "../api/present-paper.js";
import { sendPage } from "../pages/routes.js";
import { SearchPage } from "../pages/search-page.js";

export const SEARCH_PAGE_SIZE = 20;
/** HF's search answers at most 120 papers per request and reads at most 250 characters of query. */
export const API_MAX_LIMIT = 120;
export const API_MAX_QUERY = 250;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a day written YYYY-MM-DD");
const filterFields = {
  mode: z.enum(SEARCH_MODES, { error: `mode must be one of ${SEARCH_MODES.join(", ")}` }).default("hybrid"),
  cat: z.string().max(40).optional(),
  author: z.string().max(200).optional(),
  after: day.optional(),
  before: day.optional(),
};
const pageQuery = z.object({
  q: z.string().max(500).default(""),
  page: z.coerce.number().int().min(1).max(50).default(1),
  ...filterFields,
});
const apiQuery = z.object({
  q: z.string().max(API_MAX_QUERY, `q takes at most ${API_MAX_QUERY} characters`).default(""),
  limit: z.coerce.number().int().min(1).max(API_MAX_LIMIT).default(50),
  offset: z.coerce.number().int().min(0).max(1000).default(0),
  ...filterFields,
});
const similarQuery = z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) });

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error.issues[0]?.message ?? "bad query parameters");
  return parsed.data;
}

function extraFilters(input: {
  cat?: string | undefined;
  author?: string | undefined;
  after?: string | undefined;
  before?: string | undefined;
}) {
  return {
    categories: input.cat ? [input.cat] : [],
    authors: input.author ? [input.author] : [],
    after: input.after ?? null,
    before: input.before ?? null,
  };
}

/** How far the search page counts papers still waiting for the keyword index. */
const NOT_INDEXED_CAP = 10_000;

/** The search page, the search API (HF's shape plus modes, filters and paging) and similar papers. */
export function registerSearchRoutes(app: FastifyInstance, services: Services) {
  const deps = { database: services.database, semantic: services.semantic };

  app.get("/search", async (request, reply) => {
    const input = parse(pageQuery, request.query);
    const offset = (input.page - 1) * SEARCH_PAGE_SIZE;
    const [outcome, notIndexed] = await Promise.all([
      searchPapers(deps, {
        q: input.q,
        mode: input.mode,
        offset,
        limit: SEARCH_PAGE_SIZE,
        filters: extraFilters(input),
      }),
      // Papers a bulk import stored but the keyword index does not hold yet (see `paperboy import`).
      input.q.trim() === "" ? 0 : pendingKeywordIndex(services.database, NOT_INDEXED_CAP + 1),
    ]);
    if (outcome.goTo) return reply.redirect(`/papers/${outcome.goTo}`);
    const params = Object.fromEntries(
      Object.entries(request.query as Record<string, unknown>).filter(
        (entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== "",
      ),
    );
    return sendPage(reply, h(SearchPage, { outcome, params, notIndexed, notIndexedCap: NOT_INDEXED_CAP }));
  });

  app.get("/api/papers/search", async (request, reply) => {
    const input = parse(apiQuery, request.query);
    const outcome = await searchPapers(deps, { ...input, filters: extraFilters(input) });
    reply.header("x-total-count", String(outcome.total));
    return outcome.papers.map(presentPaperEntry);
  });

  app.get<{ Params: { id: string } }>("/api/papers/:id/similar", async (request) => {
    const { id } = parseArxivId(request.params.id);
    const { limit } = parse(similarQuery, request.query);
    const papers = await similarPapers(deps, id, limit);
    return papers.map(presentPaperEntry);
  });
}
