import type { FastifyInstance } from "fastify";
import { h } from "preact";
import { z } from "zod";
import { searchList } from "../../lists/search.js";
import { keywordIndexBacklog } from "../../search/keyword-indexing.js";
import type { Services } from "../../services.js";
import { SearchTermsQuery } from "../api/queries.js";
import { parseForm } from "../form.js";
import { listMarks } from "../pages/list-marks.js";
import { SearchPage } from "../pages/search-page.js";
import { sendPage } from "../pages/send-page.js";
import { enforceSearchLimit } from "./search-limits.js";

export const SEARCH_PAGE_SIZE = 20;

const pageQuery = SearchTermsQuery.extend({ page: z.coerce.number().int().min(1).max(50).default(1) });

/** How far the search page counts papers still waiting for the keyword index. */
const NOT_INDEXED_CAP = 10_000;

/** The search page (the search API is registered with the other API routes). */
export function registerSearchRoutes(app: FastifyInstance, services: Services) {
  app.get("/search", async (request, reply) => {
    const { page, ...terms } = parseForm(pageQuery, request.query);
    if (terms.q.trim() !== "") await enforceSearchLimit(services, request, reply);
    const [list, notIndexed] = await Promise.all([
      searchList(services.search, terms, { page, size: SEARCH_PAGE_SIZE }),
      // Papers a bulk import stored but the keyword index does not hold yet (see `paperboy import`).
      terms.q.trim() === "" ? 0 : keywordIndexBacklog(services.database, NOT_INDEXED_CAP + 1),
    ]);
    if (list.goTo) return reply.redirect(`/papers/${list.goTo}`);
    const marks = await listMarks(
      services,
      request,
      list.papers.map((paper) => paper.id),
    );
    return sendPage(reply, h(SearchPage, { list, marks, notIndexed, notIndexedCap: NOT_INDEXED_CAP }));
  });
}
