import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { setRead } from "../../community/reading.js";
import { parseArxivId } from "../../core/arxiv-id.js";
import type { Services } from "../../services.js";
import { requireAccount } from "../auth/guards.js";
import { parseForm } from "../form.js";
import { enforceRateLimit, RATE_RULES } from "../rate-limit.js";
import { answerAction } from "./action-answer.js";

const readForm = z.object({
  paper: z.string().max(200),
  on: z.enum(["0", "1"]),
  back: z.string().optional(),
});

/** Marking a paper read or unread, as a plain form (scripts post it for JSON). */
export function registerReadingPages(app: FastifyInstance, services: Services) {
  app.post("/read", async (request, reply) => {
    const account = requireAccount(request);
    const form = parseForm(readForm, request.body);
    const { id } = parseArxivId(form.paper);
    await enforceRateLimit(services, request, reply, RATE_RULES.collect, String(account.id));
    const state = await setRead(services, account, id, form.on === "1");
    return answerAction(request, reply, state, {
      path: form.back,
      fallback: `/papers/${id}`,
      anchor: `paper-${id}`,
    });
  });
}
