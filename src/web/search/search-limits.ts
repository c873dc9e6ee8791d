import type { FastifyReply, FastifyRequest } from "fastify";
import type { Services } from "../../services.js";
import { authenticateBearer } from "../auth/bearer.js";
import { enforceRateLimit, type RateRule } from "../rate-limit.js";
import { isApiRequest } from "../request-path.js";

function searchRule(services: Services): RateRule {
  const limit = services.config.searchRateLimit;
  return { name: "search", perAccount: limit, perAddress: limit, windowSeconds: 60 };
}

/**
 * Counts a search against the client's address and, when signed in (a session, or a token under /api/), its
 * account. Every way in to search counts alike: the page, the search feeds and the search API.
 */
export async function enforceSearchLimit(services: Services, request: FastifyRequest, reply: FastifyReply) {
  const account =
    request.account ??
    (isApiRequest(request) ? await authenticateBearer(services, request.headers.authorization) : null);
  await enforceRateLimit(
    services,
    request,
    reply,
    searchRule(services),
    account ? String(account.id) : undefined,
  );
}
