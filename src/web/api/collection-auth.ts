import type { FastifyReply, FastifyRequest } from "fastify";
import type { Account } from "../../core/account.js";
import { unauthorized } from "../../core/errors.js";
import type { Services } from "../../services.js";
import { authenticateBearer, requireBearerAccount } from "../auth/bearer.js";
import { enforceRateLimit, RATE_RULES } from "../rate-limit.js";

/** A token is optional for reading public collections, but a token that is sent must be a live one. */
export async function optionalAccount(services: Services, request: FastifyRequest): Promise<Account | null> {
  if (!request.headers.authorization) return null;
  const account = await authenticateBearer(services, request.headers.authorization);
  if (!account) throw unauthorized("that API token is unknown or revoked");
  return account;
}

/** The token's account for a collection write, counted against the collection rate limit. */
export async function collectionWriter(services: Services, request: FastifyRequest, reply: FastifyReply) {
  const account = await requireBearerAccount(services, request);
  await enforceRateLimit(services, request, reply, RATE_RULES.collect, String(account.id));
  return account;
}
