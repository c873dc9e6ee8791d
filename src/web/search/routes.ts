import type { FastifyInstance } from "fastify";
import { h } from "preact";
import { z } from "zod";
import { searchFilters, searchPapers } from "../../search/search-papers.js";
import type { Services } from "../../services.js";
import { pendingKeywordIndex } from "../../storage/keyword-index-queue.js";
import { SEARCH_FILTERS } from "../api/queries.js";
import { parseForm } from "../form.js";
import { sendPage } from "../pages/routes.js";
import { SearchPage } from "../pages/search-page.js";

export const SEARCH_PAGE_SIZE = 20;

const pageQuery = z.object({
  q: z.string().max(500).default(""),
  page: z.coerce.number().int().min(1).max(50).default(1),
  ...SEARCH_FILTERS,
});

/** How far the search page counts papers still waiting for the keyword index. */
const NOT_INDEXED_CAP = 10_000;

/** The search page (the search API is registered with the other API routes). */
export function registerSearchRoutes(app: FastifyInstance, services: Services) {
  const deps = { database: services.database, semantic: services.semantic };

  app.get("/search", async (request, reply) => {
    const input = parseForm(pageQuery, request.query);
    const offset = (input.page - 1) * SEARCH_PAGE_SIZE;
    const [outcome, notIndexed] = await Promise.all([
      searchPapers(deps, {
        q: input.q,
        mode: input.mode,
        offset,
        limit: SEARCH_PAGE_SIZE,
        filters: searchFilters(input),
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
}
