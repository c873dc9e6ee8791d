import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { setRead } from "../../community/reading.js";
import type { Services } from "../../services.js";
import { requireBearerAccount } from "../auth/bearer.js";
import { enforceRateLimit, RATE_RULES } from "../rate-limit.js";
import { ApiError } from "./hf-schemas.js";
import { errorResponses as e, type Operation } from "./operation.js";
import { bothIdForms, paperIdOf } from "./paper-routes.js";
import { PaperParams } from "./queries.js";
import { apiSchemas } from "./registry.js";

export const ReadState = z
  .strictObject({
    paperId: z.string(),
    read: z.boolean().describe("whether the token's account has now read the paper"),
  })
  .register(apiSchemas, { id: "ReadState" });

const failure = (description: string) => ({ description, schema: ApiError });
const read = (method: "post" | "delete", summary: string): Operation => ({
  id: method === "post" ? "markRead" : "markUnread",
  method,
  path: "/api/papers/{id}/read",
  tag: "Reader signals",
  summary,
  description:
    "Reading state is private to the token's account. Idempotent: the answer says the state after.",
  params: PaperParams,
  auth: true,
  responses: {
    200: {
      description: "The paper's reading state.",
      schema: ReadState,
      headers: ["RateLimit", "RateLimit-Policy"],
    },
    400: failure(e.invalid.description),
    401: failure(e.unauthorized.description),
    404: failure(e.notFound.description),
    429: failure(e.rateLimited.description),
  },
});

export const READING_OPERATIONS: readonly Operation[] = [
  read("post", "Mark a paper read"),
  read("delete", "Mark a paper unread"),
];

/** `POST/DELETE /api/papers/ID/read` with a token. */
export function registerReadingApi(app: FastifyInstance, services: Services) {
  const handler = (on: boolean) => async (request: FastifyRequest, reply: FastifyReply) => {
    const account = await requireBearerAccount(services, request);
    const paperId = paperIdOf(request);
    await enforceRateLimit(services, request, reply, RATE_RULES.collect, String(account.id));
    reply.header("cache-control", "no-store");
    return setRead(services, account, paperId, on);
  };
  for (const path of bothIdForms("/api/papers/{id}/read")) {
    app.post(path, handler(true));
    app.delete(path, handler(false));
  }
}
