import type { FastifyInstance } from "fastify";
import type { Services } from "../../services.js";
import { authenticateBearer } from "../auth/bearer.js";
import { enforceKeyLimit, type RateRule } from "../rate-limit.js";
import { isApiRequest } from "../request-path.js";

const MINUTE = 60;

/** The API's quotas: per client address without a token, per token with one (a script's own budget). */
export function apiRateRules(services: Services): { address: RateRule; token: RateRule } {
  const { apiRateLimit, apiTokenRateLimit } = services.config;
  return {
    address: { name: "api", perAccount: apiRateLimit, perAddress: apiRateLimit, windowSeconds: MINUTE },
    token: {
      name: "api-token",
      perAccount: apiTokenRateLimit,
      perAddress: apiTokenRateLimit,
      windowSeconds: MINUTE,
    },
  };
}

/**
 * Counts every /api/ request against the caller's quota before any work, in the shared store
 * (`services.rateLimits`), and answers 429 with the IETF RateLimit headers once it is spent.
 */
export function registerApiRateLimit(app: FastifyInstance, services: Services) {
  const rules = apiRateRules(services);
  app.addHook("onRequest", async (request, reply) => {
    if (!isApiRequest(request) || request.method === "OPTIONS") return;
    const account = await authenticateBearer(services, request.headers.authorization);
    if (account)
      await enforceKeyLimit(
        services,
        reply,
        rules.token,
        `token-account:${account.id}`,
        rules.token.perAccount,
      );
    else
      await enforceKeyLimit(
        services,
        reply,
        rules.address,
        `address:${request.ip}`,
        rules.address.perAddress,
      );
  });
}
