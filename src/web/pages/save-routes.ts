import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { setSaved } from "../../community/saves.js";
import { parseArxivId } from "../../core/arxiv-id.js";
import type { Services } from "../../services.js";
import { requireAccount } from "../auth/guards.js";
import { parseForm } from "../form.js";
import { enforceRateLimit, RATE_RULES } from "../rate-limit.js";
import { answerAction } from "./action-answer.js";

const saveForm = z.object({
  paper: z.string().max(200),
  on: z.enum(["0", "1"]),
  back: z.string().optional(),
});

/** The one-key save: a paper into or out of the reader's "Saved" collection, as a plain form. */
export function registerSavePages(app: FastifyInstance, services: Services) {
  app.post("/save", async (request, reply) => {
    const account = requireAccount(request);
    const form = parseForm(saveForm, request.body);
    const { id } = parseArxivId(form.paper);
    await enforceRateLimit(services, request, reply, RATE_RULES.collect, String(account.id));
    const state = await setSaved(services, account, id, form.on === "1");
    return answerAction(request, reply, state, {
      path: form.back,
      fallback: `/papers/${id}`,
      anchor: `paper-${id}`,
    });
  });
}
