import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import { z } from "zod";
import { listingDayOf } from "../../core/listing-day.js";
import { type Period, parseMonth, parseWeek, shiftPeriod } from "../../core/periods.js";
import { periodList } from "../../ranking/period-list.js";
import { createTrendingCache } from "../../ranking/trending-cache.js";
import type { Services } from "../../services.js";
import { parseForm } from "../form.js";
import { AboutPage } from "./about-page.js";
import { listMarks } from "./list-marks.js";
import { PeriodPage } from "./period-page.js";
import { sendPage } from "./send-page.js";
import { TrendingPage } from "./trending-page.js";

export const TRENDING_LIMIT = 50;

const periodQuery = z.object({
  page: z.coerce.number({ error: "page must be a whole number from 1" }).int().min(1).max(10_000).default(1),
  sort: z.enum(["upvotes", "featured"], { error: "sort must be upvotes or featured" }).default("upvotes"),
});

/** Trending, the week and month lists (sortable by upvotes), and /about with the trending formula. */
export function registerListPages(app: FastifyInstance, services: Services) {
  const { database } = services;
  const trending = createTrendingCache(database, services.clock);
  // Any successful write in this process (a vote, a comment, a submission) may reorder trending.
  app.addHook("onResponse", async (request, reply) => {
    if (request.method !== "GET" && request.method !== "HEAD" && reply.statusCode < 400) trending.clear();
  });
  // Trending ages with the clock, so a kept copy stands for ten minutes at most (see page-cache.ts).
  app.get("/papers/trending", { config: { pageCache: { refreshMinutes: 10 } } }, async (request, reply) => {
    const entries = await trending.get(TRENDING_LIMIT);
    const marks = await listMarks(
      database,
      request,
      entries.map((e) => e.paper.id),
    );
    const today = listingDayOf(services.clock.now());
    return sendPage(reply, h(TrendingPage, { entries, marks: { ...marks, today } }));
  });

  const showPeriod = async (request: FastifyRequest, reply: FastifyReply, period: Period) => {
    const { page, sort } = parseForm(periodQuery, request.query);
    const list = await periodList(database, period, page, sort);
    const marks = await listMarks(
      database,
      request,
      list.papers.map((p) => p.id),
    );
    const previous = shiftPeriod(period, -1).key;
    const next = shiftPeriod(period, 1).key;
    const today = listingDayOf(services.clock.now());
    return sendPage(reply, h(PeriodPage, { ...list, sort, previous, next, marks: { ...marks, today } }));
  };
  const cached = { config: { pageCache: true } };
  app.get<{ Params: { week: string } }>("/papers/week/:week", cached, (request, reply) =>
    showPeriod(request, reply, parseWeek(request.params.week)),
  );
  app.get<{ Params: { month: string } }>("/papers/month/:month", cached, (request, reply) =>
    showPeriod(request, reply, parseMonth(request.params.month)),
  );
  app.get("/about", (_request, reply) =>
    sendPage(reply, h(AboutPage, { maxAgeDays: services.config.community.submissionMaxAgeDays })),
  );
}
