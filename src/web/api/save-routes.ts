import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { setSaved } from "../../community/saves.js";
import type { Services } from "../../services.js";
import { requireBearerAccount } from "../auth/bearer.js";
import { enforceRateLimit, RATE_RULES } from "../rate-limit.js";
import { bothIdForms, paperIdOf } from "./paper-routes.js";

/** `POST/DELETE /api/papers/ID/save`: the one-key save through the API, with a token. */
export function registerSaveRoutes(app: FastifyInstance, services: Services) {
  const save = (on: boolean) => async (request: FastifyRequest, reply: FastifyReply) => {
    const account = await requireBearerAccount(services, request);
    const paperId = paperIdOf(request);
    await enforceRateLimit(services, request, reply, RATE_RULES.collect, String(account.id));
    reply.header("cache-control", "no-store");
    return setSaved(services, account, paperId, on);
  };
  for (const path of bothIdForms("/api/papers/{id}/save")) {
    app.post(path, save(true));
    app.delete(path, save(false));
  }
}
