import type { FastifyInstance } from "fastify";
import { h } from "preact";
import { z } from "zod";
import { FOR_YOU_DAYS, FOR_YOU_PAGE_SIZE, forYouList, MAX_FOR_YOU_DAYS } from "../../lists/for-you.js";
import type { Services } from "../../services.js";
import { parseForm } from "../form.js";
import { ForYouPage, ForYouSignIn } from "./for-you-page.js";
import { listMarks } from "./list-marks.js";
import { sendPage } from "./send-page.js";

const forYouQuery = z.object({
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "date must be a day in the form YYYY-MM-DD")
    .optional(),
  days: z.coerce
    .number({ error: "days must be a whole number" })
    .int()
    .min(1)
    .max(MAX_FOR_YOU_DAYS)
    .default(FOR_YOU_DAYS),
  page: z.coerce.number({ error: "page must be a whole number from 1" }).int().min(1).max(10_000).default(1),
});

/** `/papers/for-you`: the signed-in reader's For you; signed-out readers are told what it is. */
export function registerForYouPages(app: FastifyInstance, services: Services) {
  app.get("/papers/for-you", async (request, reply) => {
    const account = request.account;
    if (!account) return sendPage(reply, h(ForYouSignIn, {}));
    reply.header("cache-control", "no-store");
    const query = parseForm(forYouQuery, request.query);
    const list = await forYouList(services, account.id, {
      date: query.date ?? null,
      days: query.days,
      page: query.page,
      size: FOR_YOU_PAGE_SIZE,
    });
    const marks = await listMarks(
      services,
      request,
      list.papers.map((paper) => paper.id),
    );
    return sendPage(reply, h(ForYouPage, { list, marks }));
  });
}
