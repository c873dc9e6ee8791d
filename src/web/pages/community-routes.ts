import type { FastifyInstance } from "fastify";
import { h } from "preact";
import { z } from "zod";
import { SUBMISSION_FETCH_SECONDS, submitPaper } from "../../community/submissions.js";
import { setUpvote } from "../../community/upvotes.js";
import { parseArxivId } from "../../core/arxiv-id.js";
import { type AppError, isAppError } from "../../core/errors.js";
import type { Services } from "../../services.js";
import { requireAccount } from "../auth/guards.js";
import { STATUS_OF } from "../errors.js";
import { parseForm } from "../form.js";
import { enforceRateLimit, RATE_RULES } from "../rate-limit.js";
import { answerAction } from "./action-answer.js";
import { sendPage } from "./send-page.js";
import { type Refusal, SubmitPage } from "./submit-page.js";

const submitForm = z.object({ paper: z.string().max(200) });
const upvoteForm = z.object({
  paper: z.string().max(200),
  on: z.enum(["0", "1"]),
  back: z.string().optional(),
});

/** Submitting and upvoting papers. */
export function registerCommunityPages(app: FastifyInstance, services: Services) {
  const maxAgeDays = services.config.community.submissionMaxAgeDays;
  app.get("/papers/submit", (request, reply) => {
    if (!request.account) return reply.redirect("/login?next=%2Fpapers%2Fsubmit", 303);
    return sendPage(reply, h(SubmitPage, { maxAgeDays }));
  });
  app.post("/papers/submit", async (request, reply) => {
    const account = requireAccount(request);
    const form = parseForm(submitForm, request.body);
    await enforceRateLimit(services, request, reply, RATE_RULES.submit, String(account.id));
    try {
      const submission = await submitPaper(services, account, form.paper);
      return reply.redirect(`/papers/${submission.paperId}`, 303);
    } catch (error) {
      // The form comes back with what was typed and why it was refused, not the site's error page.
      if (!isAppError(error)) throw error;
      reply.status(STATUS_OF[error.code]);
      return sendPage(
        reply,
        h(SubmitPage, { maxAgeDays, value: form.paper, refusal: refusalOf(error, form.paper) }),
      );
    }
  });
  app.post("/upvote", async (request, reply) => {
    const account = requireAccount(request);
    const form = parseForm(upvoteForm, request.body);
    const { id } = parseArxivId(form.paper);
    await enforceRateLimit(services, request, reply, RATE_RULES.upvote, String(account.id));
    const state = await setUpvote(services, account, id, form.on === "1");
    return answerAction(request, reply, state, {
      path: form.back,
      fallback: `/papers/${id}`,
      anchor: `paper-${id}`,
    });
  });
}

/**
 * What the form says about a refused submission. An outside failure's own message may name internal addresses
 * (an arXiv mirror): the form says what happened in general terms instead.
 */
function refusalOf(error: AppError, input: string): Refusal {
  if (error.code === "upstream") {
    return {
      message: `arXiv could not be reached or did not answer within ${SUBMISSION_FETCH_SECONDS} seconds. Nothing was lost: try again in a few minutes.`,
    };
  }
  // A paper already featured: the reader most likely wants to see it.
  if (error.code === "conflict") return { message: error.message, existing: parseArxivId(input).id };
  return { message: error.message };
}
