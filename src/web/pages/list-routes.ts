import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import { z } from "zod";
import { type Period, parseMonth, parseWeek } from "../../core/periods.js";
import { CATEGORY_PAGE_SIZE, categoryList } from "../../lists/category.js";
import { PERIOD_DEFAULT_SORT } from "../../lists/featured.js";
import type { PaperList } from "../../lists/paper-list.js";
import { PERIOD_PAGE_SIZE, periodList } from "../../lists/period.js";
import { TRENDING_PAGE_SIZE, trendingList } from "../../lists/trending.js";
import type { Services } from "../../services.js";
import { parseForm } from "../form.js";
import { AboutPage } from "./about-page.js";
import { CategoryPage } from "./category-page.js";
import { listMarks } from "./list-marks.js";
import { pageNumber, parsePage } from "./page-number.js";
import { PeriodPage } from "./period-page.js";
import { sendPage } from "./send-page.js";
import { TrendingPage } from "./trending-page.js";

const periodQuery = z.object({
  page: pageNumber,
  sort: z
    .enum(["upvotes", "featured"], { error: "sort must be upvotes or featured" })
    .default(PERIOD_DEFAULT_SORT),
});

/** Trending, the week, month and category lists, and /about with the trending formula. */
export function registerListPages(app: FastifyInstance, services: Services) {
  const { database } = services;
  const marksOf = (request: FastifyRequest, list: PaperList) =>
    listMarks(
      services,
      request,
      list.papers.map((p) => p.id),
    );
  // Any successful write in this process (a vote, a comment, a submission) may reorder trending.
  app.addHook("onResponse", async (request, reply) => {
    if (request.method !== "GET" && request.method !== "HEAD" && reply.statusCode < 400)
      services.trending.clear();
  });
  // Trending ages with the clock, so a kept copy stands for ten minutes at most (see page-cache.ts).
  app.get(
    "/papers/trending",
    { config: { pageCache: { refreshMinutes: 10 }, sharedWhenSignedIn: true } },
    async (request, reply) => {
      const list = await trendingList(services, { page: parsePage(request.query), size: TRENDING_PAGE_SIZE });
      return sendPage(reply, h(TrendingPage, { list, marks: await marksOf(request, list) }));
    },
  );

  const showPeriod = async (request: FastifyRequest, reply: FastifyReply, period: Period) => {
    const { page, sort } = parseForm(periodQuery, request.query);
    const list = await periodList(database, period, { page, size: PERIOD_PAGE_SIZE, sort });
    return sendPage(reply, h(PeriodPage, { list, marks: await marksOf(request, list) }));
  };
  // Signed-in readers share one rendering of a list, their own marks filled in (overlay.ts).
  const cached = { config: { pageCache: true, sharedWhenSignedIn: true } };
  app.get<{ Params: { week: string } }>("/papers/week/:week", cached, (request, reply) =>
    showPeriod(request, reply, parseWeek(request.params.week)),
  );
  app.get<{ Params: { month: string } }>("/papers/month/:month", cached, (request, reply) =>
    showPeriod(request, reply, parseMonth(request.params.month)),
  );
  app.get<{ Params: { category: string } }>("/papers/category/:category", cached, async (request, reply) => {
    const page = { page: parsePage(request.query), size: CATEGORY_PAGE_SIZE };
    const list = await categoryList(database, request.params.category, page);
    return sendPage(reply, h(CategoryPage, { list, marks: await marksOf(request, list) }));
  });
  app.get("/about", (_request, reply) =>
    sendPage(reply, h(AboutPage, { maxAgeDays: services.config.community.submissionMaxAgeDays })),
  );
}
