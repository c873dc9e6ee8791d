import type { FastifyInstance, FastifyReply } from "fastify";
import { invalid, notFound } from "../../core/errors.js";
import { parseDay } from "../../core/listing-day.js";
import { parseMonth, parseWeek } from "../../core/periods.js";
import { categoryList } from "../../lists/category.js";
import { dayList, latestDayList } from "../../lists/day.js";
import { PERIOD_DEFAULT_SORT } from "../../lists/featured.js";
import { newPapersList } from "../../lists/new-papers.js";
import { type PaperList, paperList } from "../../lists/paper-list.js";
import { periodList } from "../../lists/period.js";
import { personalList } from "../../lists/personal.js";
import { searchList } from "../../lists/search.js";
import { trendingList } from "../../lists/trending.js";
import type { Services } from "../../services.js";
import { SearchTermsQuery } from "../api/queries.js";
import { FEED_FORMATS, type FeedExtension } from "../components/feed-links.js";
import { parseForm } from "../form.js";
import { enforceSearchLimit } from "../search/search-limits.js";
import { collectionFeed } from "./collection-feed.js";
import { CONTENT_TYPES, renderFeed } from "./render.js";

/** Items per feed: the first page of its list, a deep one, since a feed reader polls for the recent ones. */
export const FEED_SIZE = 100;
const FIRST_PAGE = { page: 1, size: FEED_SIZE };
/** A day's new papers go out whole: a busy arXiv day in many categories stays under this. */
const WHOLE_DAY = { page: 1, size: 1000 };

const EXTENSIONS = new Set<string>(FEED_FORMATS.map((format) => format.extension));

/** Splits `2026-W27.atom` into the list's name and the feed format. */
function splitFile(file: string): { name: string; extension: FeedExtension } {
  const dot = file.lastIndexOf(".");
  const extension = file.slice(dot + 1);
  if (dot < 1 || !EXTENSIONS.has(extension)) throw notFound("Feeds end in .rss, .atom or .json.");
  return { name: file.slice(0, dot), extension: extension as FeedExtension };
}

/** Feeds of every list: /feeds/{papers,trending,search}.EXT, /feeds/{day,week,month,new,category,personal}/NAME.EXT */
export function registerFeeds(app: FastifyInstance, services: Services) {
  const { database } = services;
  // A personal feed's address is its secret: no shared cache may keep it.
  const send = async (
    reply: FastifyReply,
    file: string,
    load: (name: string) => Promise<PaperList>,
    caching = "public, max-age=300",
  ) => {
    const { name, extension } = splitFile(file);
    const list = await load(name);
    return reply
      .type(CONTENT_TYPES[extension])
      .header("cache-control", caching)
      .send(renderFeed(services.config.baseUrl, list, extension, services.clock.now()));
  };
  const top: Record<string, (query: unknown) => Promise<PaperList>> = {
    papers: () => latestFeed(services),
    trending: () => trendingList(services, FIRST_PAGE),
    search: (query) => {
      const terms = parseForm(SearchTermsQuery, query);
      if (terms.q.trim() === "") throw invalid("a search feed needs a query: /feeds/search.atom?q=words");
      return searchList(services.search, terms, FIRST_PAGE);
    },
  };
  app.get<{ Params: { file: string } }>("/feeds/:file", async (request, reply) => {
    if (request.params.file.startsWith("search.")) await enforceSearchLimit(services, request, reply);
    return send(reply, request.params.file, (name) => {
      const load = top[name];
      if (!load) throw notFound(`There is no feed called ${name}.`);
      return load(request.query);
    });
  });
  const byPeriod = { ...FIRST_PAGE, sort: PERIOD_DEFAULT_SORT };
  const named: Record<string, (name: string) => Promise<PaperList>> = {
    day: (name) => dayList(database, parseDay(name), FIRST_PAGE),
    week: (name) => periodList(database, parseWeek(name), byPeriod),
    month: (name) => periodList(database, parseMonth(name), byPeriod),
    new: (name) => newPapersList(database, parseDay(name), WHOLE_DAY),
    category: (name) => categoryList(database, name, FIRST_PAGE),
    personal: (name) => personalList(services, name, FIRST_PAGE),
    collection: (name) => collectionFeed(database, name),
  };
  for (const [kind, load] of Object.entries(named)) {
    app.get<{ Params: { file: string } }>(`/feeds/${kind}/:file`, (request, reply) =>
      send(reply, request.params.file, load, kind === "personal" ? "no-store" : undefined),
    );
  }
}

/** The newest listing day's list under the address that always names the newest day. */
async function latestFeed(services: Services): Promise<PaperList> {
  const list = await latestDayList(services.database, FIRST_PAGE);
  const heading = {
    title: "Daily papers",
    description: "The latest listing day on Paperboy",
    pagePath: "/papers",
    feedPath: "/feeds/papers",
  };
  return list ? { ...list, ...heading } : paperList(heading, FIRST_PAGE, [], 0);
}
