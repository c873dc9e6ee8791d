import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import { z } from "zod";
import { isCategory } from "../../core/categories.js";
import { type Day, parseDay } from "../../core/listing-day.js";
import { newestArxivDay, triageList } from "../../lists/triage.js";
import type { Services } from "../../services.js";
import { parseForm } from "../form.js";
import { ErrorPage } from "./error-page.js";
import { NewPapersPage } from "./new-papers-page.js";
import { rowMarks } from "./row-marks.js";
import { sendPage } from "./send-page.js";

const viewQuery = z.object({
  category: z
    .string()
    .refine(isCategory, { error: "category must be an arXiv category such as cs.LG" })
    .optional(),
  unseen: z.enum(["1"], { error: "unseen is 1 or absent" }).optional(),
});

/** Renders one arXiv day's triage view for the viewer; `frontPageReason` when the front page shows it. */
export async function showNewPapers(
  services: Services,
  request: FastifyRequest,
  reply: FastifyReply,
  day: Day,
  frontPageReason?: string,
) {
  const { category, unseen } = parseForm(viewQuery, request.query);
  const account = request.account;
  const list = await triageList(services, {
    day,
    category: category ?? null,
    reader: account ? { accountId: account.id, unseenOnly: unseen === "1" } : null,
  });
  const marks = await rowMarks(
    services.database,
    account,
    list.papers.map((p) => p.id),
  );
  return sendPage(
    reply,
    h(NewPapersPage, {
      list,
      marks,
      submitterRole: services.config.community.submitterRole,
      ...(frontPageReason ? { frontPageReason } : {}),
    }),
  );
}

/** The triage view: `/papers/new` (the newest arXiv day here) and `/papers/new/YYYY-MM-DD`. */
export function registerNewPapersPages(app: FastifyInstance, services: Services) {
  const cached = { config: { pageCache: true } };
  app.get("/papers/new", cached, async (_request, reply) => {
    const day = await newestArxivDay(services.database);
    if (!day)
      return sendPage(
        reply,
        h(ErrorPage, { status: 200, message: "No new papers yet: import a listing or harvest arXiv." }),
      );
    return reply.redirect(`/papers/new/${day}`, 302);
  });
  app.get<{ Params: { day: string } }>("/papers/new/:day", cached, (request, reply) =>
    showNewPapers(services, request, reply, parseDay(request.params.day)),
  );
}
