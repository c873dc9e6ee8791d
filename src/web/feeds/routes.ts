import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import { invalid, notFound } from "../../core/errors.js";
import type { Services } from "../../services.js";
import { FEED_FORMATS, type FeedExtension } from "../components/feed-links.js";
import { collectionFeed } from "./collection-feed.js";
import {
  categoryFeed,
  dayFeed,
  latestFeed,
  monthFeed,
  personalFeed,
  searchFeed,
  trendingFeed,
  weekFeed,
} from "./lists.js";
import { CONTENT_TYPES, type FeedList, renderFeed } from "./render.js";

const EXTENSIONS = new Set<string>(FEED_FORMATS.map((format) => format.extension));
const searchQuery = z.object({ q: z.string().max(1000).default("") });

/** Splits `2026-W27.atom` into the list's name and the feed format. */
function splitFile(file: string): { name: string; extension: FeedExtension } {
  const dot = file.lastIndexOf(".");
  const extension = file.slice(dot + 1);
  if (dot < 1 || !EXTENSIONS.has(extension)) throw notFound("Feeds end in .rss, .atom or .json.");
  return { name: file.slice(0, dot), extension: extension as FeedExtension };
}

/** Feeds of every list: /feeds/{papers,trending,search}.EXT, /feeds/{day,week,month,category,personal}/NAME.EXT */
export function registerFeeds(app: FastifyInstance, services: Services) {
  const { database, secretKey } = services;
  const send = async (reply: FastifyReply, file: string, load: (name: string) => Promise<FeedList>) => {
    const { name, extension } = splitFile(file);
    const list = await load(name);
    return reply
      .type(CONTENT_TYPES[extension])
      .header("cache-control", "public, max-age=300")
      .send(renderFeed(services.config.baseUrl, list, extension));
  };
  const top: Record<string, (query: unknown) => Promise<FeedList>> = {
    papers: () => latestFeed(database),
    trending: () => trendingFeed(database, services.clock.now()),
    search: (query) => {
      const parsed = searchQuery.safeParse(query);
      if (!parsed.success) throw invalid("the search query is too long");
      return searchFeed(database, parsed.data.q);
    },
  };
  app.get<{ Params: { file: string } }>("/feeds/:file", (request, reply) =>
    send(reply, request.params.file, (name) => {
      const load = top[name];
      if (!load) throw notFound(`There is no feed called ${name}.`);
      return load(request.query);
    }),
  );
  const named: Record<string, (name: string) => Promise<FeedList>> = {
    day: (name) => dayFeed(database, name),
    week: (name) => weekFeed(database, name),
    month: (name) => monthFeed(database, name),
    category: (name) => categoryFeed(database, name),
    personal: (name) => personalFeed(database, secretKey, name),
    collection: (name) => collectionFeed(database, name),
  };
  for (const [kind, load] of Object.entries(named)) {
    app.get<{ Params: { file: string } }>(`/feeds/${kind}/:file`, (request, reply) =>
      send(reply, request.params.file, load),
    );
  }
}
