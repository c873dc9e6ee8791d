import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { setNotInterested } from "../../community/not-interested.js";
import { followSomething, unfollowSomething } from "../../community/reader-follows.js";
import { parseArxivId } from "../../core/arxiv-id.js";
import type { Services } from "../../services.js";
import { requireAccount } from "../auth/guards.js";
import { parseForm } from "../form.js";
import { enforceRateLimit, RATE_RULES } from "../rate-limit.js";
import { answerAction } from "./action-answer.js";

const notInterestedForm = z.object({
  paper: z.string().max(200),
  on: z.enum(["0", "1"]),
  back: z.string().optional(),
});

const followForm = z.object({
  kind: z.enum(["category", "author"], { error: "kind must be category or author" }),
  value: z.string().min(1).max(200),
  on: z.enum(["0", "1"]),
  back: z.string().optional(),
});

/** The page actions for a reader's signals: plain forms, which keys.js also posts without a reload. */
export function registerSignalPages(app: FastifyInstance, services: Services) {
  app.post("/not-interested", async (request, reply) => {
    const account = requireAccount(request);
    const form = parseForm(notInterestedForm, request.body);
    const { id } = parseArxivId(form.paper);
    await enforceRateLimit(services, request, reply, RATE_RULES.upvote, String(account.id));
    const state = await setNotInterested(services, account, id, form.on === "1");
    return answerAction(request, reply, state, {
      path: form.back,
      fallback: `/papers/${id}`,
      anchor: `paper-${id}`,
    });
  });

  app.post("/follow", async (request, reply) => {
    const account = requireAccount(request);
    const form = parseForm(followForm, request.body);
    await enforceRateLimit(services, request, reply, RATE_RULES.upvote, String(account.id));
    const following = form.on === "1";
    if (following) await followSomething(services, account, form);
    else await unfollowSomething(services, account, form);
    return answerAction(
      request,
      reply,
      { kind: form.kind, value: form.value, following },
      {
        path: form.back,
        fallback: "/settings",
      },
    );
  });
}
