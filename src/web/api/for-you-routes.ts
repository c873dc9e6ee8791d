import type { FastifyInstance } from "fastify";
import type { PaperSummary } from "../../core/paper.js";
import { type ForYouWhy, forYouList } from "../../lists/for-you.js";
import { describeReason } from "../../ranking/for-you-reasons.js";
import type { Services } from "../../services.js";
import { requireBearerAccount } from "../auth/bearer.js";
import { forYou } from "./for-you-operations.js";
import { ForYouQuery } from "./for-you-schemas.js";
import { type PresentContext, presentDailyPaper } from "./presenters.js";
import { parseInput } from "./validate.js";

function presentForYou(paper: PaperSummary, why: ForYouWhy | undefined, context: PresentContext) {
  return {
    ...presentDailyPaper(paper, context),
    score: why?.score ?? 0,
    reasons: (why?.reasons ?? []).map((reason) => ({ ...reason, text: describeReason(reason) })),
  };
}

/** `GET /api/me/for-you`: the token's account's For you, and nobody else's. */
export function registerForYouRoutes(app: FastifyInstance, services: Services) {
  const context = { baseUrl: services.config.baseUrl };
  app.get(forYou.path, async (request, reply) => {
    reply.header("cache-control", "no-store");
    const account = await requireBearerAccount(services, request);
    const query = parseInput(ForYouQuery, request.query, "query");
    const list = await forYouList(services, account.id, {
      date: query.date ?? null,
      days: query.days,
      page: 1,
      size: query.limit,
    });
    reply.header("for-you-cold-start", String(list.coldStart));
    reply.header("for-you-signals", String(list.signalCount));
    return list.papers.map((paper) => presentForYou(paper, list.why.get(paper.id), context));
  });
}
