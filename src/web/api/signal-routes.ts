import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { setNotInterested } from "../../community/not-interested.js";
import { followSomething, readerFollows, unfollowSomething } from "../../community/reader-follows.js";
import { readerSignals } from "../../community/reader-signals.js";
import { notFound } from "../../core/errors.js";
import type { Services } from "../../services.js";
import { requireBearerAccount } from "../auth/bearer.js";
import { enforceRateLimit, RATE_RULES } from "../rate-limit.js";
import { bothIdForms, paperIdOf } from "./paper-routes.js";
import { FollowBody } from "./signal-schemas.js";
import { parseInput } from "./validate.js";

/** A reader's answers are theirs alone: no cache anywhere may keep them. */
async function privately(services: Services, request: FastifyRequest, reply: FastifyReply) {
  reply.header("cache-control", "no-store");
  return requireBearerAccount(services, request);
}

/** Not interested, follows and the whole of a reader's signals, each for the token's account only. */
export function registerSignalRoutes(app: FastifyInstance, services: Services) {
  const { database } = services;

  const notInterested = (on: boolean) => async (request: FastifyRequest, reply: FastifyReply) => {
    const account = await privately(services, request, reply);
    const paperId = paperIdOf(request);
    await enforceRateLimit(services, request, reply, RATE_RULES.upvote, String(account.id));
    return setNotInterested(services, account, paperId, on);
  };
  for (const path of bothIdForms("/api/papers/{id}/not-interested")) {
    app.post(path, notInterested(true));
    app.delete(path, notInterested(false));
  }

  app.get("/api/me/follows", async (request, reply) => {
    const account = await privately(services, request, reply);
    return readerFollows(database, account.id);
  });
  app.post("/api/me/follows", async (request, reply) => {
    const account = await privately(services, request, reply);
    const body = parseInput(FollowBody, request.body, "body");
    await enforceRateLimit(services, request, reply, RATE_RULES.upvote, String(account.id));
    return followSomething(services, account, body);
  });
  app.delete("/api/me/follows", async (request, reply) => {
    const account = await privately(services, request, reply);
    const body = parseInput(FollowBody, request.body, "body");
    if (!(await unfollowSomething(services, account, body)))
      throw notFound(`You do not follow ${body.kind === "author" ? "the author " : ""}${body.value}.`);
    return reply.status(204).send();
  });

  app.get("/api/me/signals", async (request, reply) => {
    const account = await privately(services, request, reply);
    const [signals, follows] = await Promise.all([
      readerSignals(database, account.id),
      readerFollows(database, account.id),
    ]);
    const { upvoted, saved, notInterested, read } = signals;
    return { upvoted, saved, notInterested, read, follows };
  });
}
