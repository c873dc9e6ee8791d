import type { FastifyInstance, FastifyRequest } from "fastify";
import { h } from "preact";
import { z } from "zod";
import { todaysListingDay } from "../../core/listing-day.js";
import {
  FOR_YOU_DAYS,
  FOR_YOU_PAGE_SIZE,
  type ForYouList,
  forYouList,
  MAX_FOR_YOU_DAYS,
} from "../../lists/for-you.js";
import type { Services } from "../../services.js";
import { parseForm } from "../form.js";
import { ForYouPage, ForYouSignIn } from "./for-you-page.js";
import { hidesRead, listMarks } from "./list-marks.js";
import type { ListMarks } from "./listed-papers.js";
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

/**
 * The reader's marks on a page of their For you, read once per list: a list is kept only while nothing is
 * written (lists/for-you.ts), so its marks stand as long as it does.
 */
const keptMarks = new WeakMap<ForYouList, ListMarks>();

async function marksOf(services: Services, request: FastifyRequest, list: ForYouList): Promise<ListMarks> {
  const kept = keptMarks.get(list);
  const today = todaysListingDay(services.clock);
  if (kept?.today === today && kept.hideRead === hidesRead(request)) return kept;
  const marks = await listMarks(
    services,
    request,
    list.papers.map((paper) => paper.id),
  );
  keptMarks.set(list, marks);
  return marks;
}

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
    return sendPage(reply, h(ForYouPage, { list, marks: await marksOf(services, request, list) }));
  });
}
