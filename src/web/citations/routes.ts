import type { FastifyInstance, FastifyReply } from "fastify";
import { parseArxivId } from "../../core/arxiv-id.js";
import { dayPeriod, type Period, parseMonth, parseWeek } from "../../core/periods.js";
import { everyFeaturedPaper } from "../../lists/featured.js";
import { paperById } from "../../lists/paper.js";
import type { Services } from "../../services.js";
import { bibtexEntry, bibtexList } from "./bibtex.js";
import { paperMarkdown } from "./markdown.js";

const BIBTEX = "application/x-bibtex; charset=utf-8";

type OldStyle = { Params: { archive: string; number: string } };
type NewStyle = { Params: { id: string } };

/**
 * A paper as Markdown and BibTeX, and BibTeX for the day, week and month lists. Old-style ids contain a slash,
 * so each paper route has a second form with two segments (/papers/hep-th/9901001/bibtex).
 */
export function registerCitationRoutes(app: FastifyInstance, services: Services) {
  const { database } = services;
  const paperOf = (raw: string) => paperById(database, parseArxivId(raw).id);

  const markdown = async (raw: string, reply: FastifyReply) =>
    reply
      .type("text/markdown; charset=utf-8")
      .send(paperMarkdown(await paperOf(raw), services.config.baseUrl));
  app.get<NewStyle>("/papers/:id.md", (request, reply) => markdown(request.params.id, reply));
  app.get<OldStyle>("/papers/:archive/:number.md", (request, reply) =>
    markdown(`${request.params.archive}/${request.params.number}`, reply),
  );

  const bibtex = async (raw: string, reply: FastifyReply) => {
    const paper = await paperOf(raw);
    return reply
      .type(BIBTEX)
      .header("content-disposition", `inline; filename="${paper.id.replace("/", "-")}.bib"`)
      .send(bibtexEntry(paper));
  };
  app.get<NewStyle>("/papers/:id/bibtex", (request, reply) => bibtex(request.params.id, reply));
  app.get<OldStyle>("/papers/:archive/:number/bibtex", (request, reply) =>
    bibtex(`${request.params.archive}/${request.params.number}`, reply),
  );

  const list = async (period: Period, reply: FastifyReply) => {
    const papers = await everyFeaturedPaper(database, period);
    return reply
      .type(BIBTEX)
      .header("content-disposition", `inline; filename="papers-${period.key}.bib"`)
      .send(bibtexList(papers));
  };
  app.get<{ Params: { day: string } }>("/papers/date/:day/bibtex", (request, reply) =>
    list(dayPeriod(request.params.day), reply),
  );
  app.get<{ Params: { week: string } }>("/papers/week/:week/bibtex", (request, reply) =>
    list(parseWeek(request.params.week), reply),
  );
  app.get<{ Params: { month: string } }>("/papers/month/:month/bibtex", (request, reply) =>
    list(parseMonth(request.params.month), reply),
  );
}
