import type { FastifyInstance } from "fastify";
import { type ForYouItem, forYouList } from "../../for-you/list.js";
import { describeReason } from "../../ranking/for-you-reasons.js";
import type { Services } from "../../services.js";
import { requireBearerAccount } from "../auth/bearer.js";
import { forYou } from "./for-you-operations.js";
import { ForYouQuery } from "./for-you-schemas.js";
import { type PresentContext, presentDailyPaper } from "./presenters.js";
import { parseInput } from "./validate.js";

function presentForYou(item: ForYouItem, context: PresentContext) {
  return {
    ...presentDailyPaper(item.paper, context),
    score: item.score,
    reasons: item.reasons.map((reason) => ({ ...reason, text: describeReason(reason) })),
  };
}

/** `GET /api/me/for-you`: the token's account's For you, and nobody else's. */
export function registerForYouRoutes(app: FastifyInstance, services: Services) {
  const context = { baseUrl: services.config.baseUrl };
  app.get(forYou.path, async (request, reply) => {
    reply.header("cache-control", "no-store");
    const account = await requireBearerAccount(services, request);
    const query = parseInput(ForYouQuery, request.query, "query");
    const list = await forYouList(services, account.id, { date: query.date ?? null, ...query });
    reply.header("for-you-cold-start", String(list.coldStart));
    reply.header("for-you-signals", String(list.signalCount));
    return list.items.map((item) => presentForYou(item, context));
  });
}
