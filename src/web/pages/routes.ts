import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import { markOpened } from "../../community/reading.js";
import { parseArxivId } from "../../core/arxiv-id.js";
import { parseDay } from "../../core/listing-day.js";
import { DAY_PAGE_SIZE, type DayList, dayList, latestDayList } from "../../lists/day.js";
import { paperById } from "../../lists/paper.js";
import { newestArxivDay } from "../../lists/triage.js";
import { similarPapers } from "../../search/similar-papers.js";
import type { Services } from "../../services.js";
import { DayPage } from "./day-page.js";
import { ErrorPage } from "./error-page.js";
import { listMarks } from "./list-marks.js";
import { showNewPapers } from "./new-papers-routes.js";
import { parsePage } from "./page-number.js";
import { paperCommunity } from "./paper-community.js";
import { PaperPage } from "./paper-page.js";
import { sendPage } from "./send-page.js";

const FRONT_PAGE_REASON =
  "Nobody has featured a paper here yet, so this is the newest day's new papers, everything arXiv announced. " +
  "Upvote or save the ones worth reading: that features them on the day's list, which then takes this place.";

/** How many nearest papers a paper page lists under "Similar papers". */
const SIMILAR_ON_PAGE = 8;

export function registerPaperPages(app: FastifyInstance, services: Services) {
  const { database } = services;

  const showDay = async (request: FastifyRequest, reply: FastifyReply, list: DayList) => {
    const marks = await listMarks(
      services,
      request,
      list.papers.map((p) => p.id),
    );
    return sendPage(reply, h(DayPage, { list, marks }));
  };
  const pageOf = (request: FastifyRequest) => ({ page: parsePage(request.query), size: DAY_PAGE_SIZE });

  const latest = async (request: FastifyRequest, reply: FastifyReply) => {
    const list = await latestDayList(database, pageOf(request));
    if (list) return showDay(request, reply, list);
    // Nothing featured yet: the newest day's new papers are the list there is.
    const newest = await newestArxivDay(database);
    if (newest) return showNewPapers(services, request, reply, newest, FRONT_PAGE_REASON);
    return sendPage(
      reply,
      h(ErrorPage, { status: 200, message: "No papers yet: import some with paperboy import." }),
    );
  };

  // Lists and papers depend only on the address, the database, the viewer and today: ETag/304, rendered copies.
  const cached = { config: { pageCache: true } };
  // Signed-in readers share one rendering of a list, their own marks filled in (overlay.ts).
  const list = { config: { pageCache: true, sharedWhenSignedIn: true } };
  app.get("/", list, latest);
  app.get("/papers", list, latest);
  app.get<{ Params: { day: string } }>("/papers/date/:day", list, async (request, reply) =>
    showDay(request, reply, await dayList(database, parseDay(request.params.day), pageOf(request))),
  );

  const showPaper = async (request: FastifyRequest, reply: FastifyReply, raw: string) => {
    const { id } = parseArxivId(raw);
    // One address per paper: a version suffix, an arXiv: prefix or a pasted link leads to the plain id.
    if (raw !== id) return reply.redirect(`/papers/${id}`, 301);
    const paper = await paperById(database, id);
    // Opening a paper's page reads it (reading state, private to the reader).
    if (request.account) await markOpened(services, request.account.id, id);
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
