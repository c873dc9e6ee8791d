import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import { z } from "zod";
import { parseArxivId } from "../../core/arxiv-id.js";
import { invalid } from "../../core/errors.js";
import { listingDayOf, parseDay } from "../../core/listing-day.js";
import { currentDay, dayList, paperById } from "../../ranking/daily-list.js";
import { similarPapers } from "../../search/similar-papers.js";
import type { Services } from "../../services.js";
import { DayPage } from "./day-page.js";
import { ErrorPage } from "./error-page.js";
import { listMarks } from "./list-marks.js";
import { paperCommunity } from "./paper-community.js";
import { PaperPage } from "./paper-page.js";
import { sendPage } from "./send-page.js";

const pageQuery = z.object({
  page: z.coerce.number({ error: "page must be a whole number from 1" }).int().min(1).max(10_000).default(1),
});

function parsePage(query: unknown): number {
  const parsed = pageQuery.safeParse(query);
  if (!parsed.success) throw invalid(parsed.error.issues[0]?.message ?? "bad page number");
  return parsed.data.page;
}

export { sendPage };

/** How many nearest papers a paper page lists under "Similar papers". */
const SIMILAR_ON_PAGE = 8;

export function registerPaperPages(app: FastifyInstance, services: Services) {
  const { database } = services;

  const showDay = async (request: FastifyRequest, reply: FastifyReply, day: string) => {
    const list = await dayList(database, parseDay(day), parsePage(request.query));
    const marks = await listMarks(
      database,
      request,
      list.papers.map((p) => p.id),
      list.day,
    );
    const today = listingDayOf(services.clock.now());
    return sendPage(reply, h(DayPage, { ...list, marks: { ...marks, today } }));
  };

  const latest = async (request: FastifyRequest, reply: FastifyReply) => {
    const day = await currentDay(database);
    if (!day) {
      return sendPage(
        reply,
        h(ErrorPage, { status: 200, message: "No papers yet: import some with paperboy import." }),
      );
    }
    return showDay(request, reply, day);
  };

  // Lists and papers depend only on the address, the database, the viewer and today: ETag/304, rendered copies.
  const cached = { config: { pageCache: true } };
  app.get("/", cached, latest);
  app.get("/papers", cached, latest);
  app.get<{ Params: { day: string } }>("/papers/date/:day", cached, (request, reply) =>
    showDay(request, reply, request.params.day),
  );

  const showPaper = async (request: FastifyRequest, reply: FastifyReply, raw: string) => {
    const { id } = parseArxivId(raw);
    // One address per paper: a version suffix, an arXiv: prefix or a pasted link leads to the plain id.
    if (raw !== id) return reply.redirect(`/papers/${id}`, 301);
    const paper = await paperById(database, id);
    const community = await paperCommunity(services, request, paper);
    const similar = await similarPapers(services, id, SIMILAR_ON_PAGE);
    return sendPage(reply, h(PaperPage, { paper, baseUrl: services.config.baseUrl, community, similar }));
  };
  app.get<{ Params: { id: string } }>("/papers/:id", cached, (request, reply) =>
    showPaper(request, reply, request.params.id),
  );
  // Old-style ids carry a slash: /papers/hep-th/9901001.
  app.get<{ Params: { archive: string; number: string } }>(
    "/papers/:archive/:number",
    cached,
    (request, reply) => showPaper(request, reply, `${request.params.archive}/${request.params.number}`),
  );
}
