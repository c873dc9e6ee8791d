import type { FastifyInstance } from "fastify";
import { parseAtomFeed, parseFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import { SaxesParser } from "saxes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/core/clock.js";
import { personalFeedToken } from "../../src/digests/links.js";
import { getSubscription } from "../../src/storage/subscriptions.js";
import { buildApp } from "../../src/web/app.js";
import { BACKENDS } from "../helpers/backends.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";
import { addSubscriber, BASE_URL, FIXTURE_DAYS, loadFixturePapers } from "./helpers.js";

const LISTS = [
  "/feeds/papers",
  `/feeds/day/${FIXTURE_DAYS[0]}`,
  "/feeds/week/2026-W27",
  "/feeds/month/2026-06",
  "/feeds/trending",
  "/feeds/category/cs.CL",
];

describe.each(BACKENDS)("feeds (%s)", (backend) => {
  let instance: TestInstance;
  let app: FastifyInstance;
  let personal = "";

  beforeAll(async () => {
    instance = await createTestInstance({
      backend,
      clock: fixedClock("2026-07-01T12:00:00Z"),
      env: { BASE_URL },
    });
    await loadFixturePapers(instance);
    // One upvote, so the trending list (upvotes and comments only) has something in it.
    await instance.services.database.kysely
      .insertInto("upvotes")
      .values({ user_id: 1, paper_id: "2606.28354", created_at: "2026-07-01T01:00:00.000Z" })
      .execute();
    const id = await addSubscriber(instance, "feed@example.org", {
      follows: ["cat:cs.GT", "language model"],
    });
    const subscription = await getSubscription(instance.services.database, id);
    personal = `/feeds/personal/${personalFeedToken(instance.config.secretKey ?? "", id, subscription?.feedKey ?? "")}`;
    app = await buildApp(instance.services);
  });
  afterAll(async () => {
    await app.close();
    await instance.dispose();
  });

  it("publishes every list as RSS 2.0 that a feed parser reads, with stable ids", async () => {
    for (const path of [...LISTS, "/feeds/search", personal]) {
      const url = `${path}.rss${path === "/feeds/search" ? "?q=language%20model" : ""}`;
      const response = await app.inject(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers["content-type"]).toBe("application/rss+xml; charset=utf-8");
      const feed = parseRssFeed(response.body);
      expect(feed.title, url).toMatch(/Paperboy$/);
      expect(feed.description).toBeTruthy();
      expect(feed.items?.length, url).toBeGreaterThan(0);
      for (const item of feed.items ?? []) {
        expect(item.guid?.value).toBe(item.link);
        expect(item.link).toMatch(/^http:\/\/paperboy\.test\/papers\/\d{4}\.\d{5}$/);
        expect(item.pubDate).toMatch(/^\w{3}, \d{2} \w{3} \d{4} 00:00:00 GMT$/);
      }
      expect((await app.inject(url)).body).toBe(response.body);
    }
  });

  it("publishes Atom 1.0 with ids, dates and authors on every entry", async () => {
    for (const path of [...LISTS, personal]) {
      const response = await app.inject(`${path}.atom`);
      expect(response.headers["content-type"]).toBe("application/atom+xml; charset=utf-8");
      const feed = parseAtomFeed(response.body);
      expect(feed.id).toBe(`${BASE_URL}${path}.atom`);
      expect(feed.updated).toMatch(/^2026-0[67]-\d{2}T00:00:00.000Z$/);
      for (const entry of feed.entries ?? []) {
        expect(entry.id).toMatch(/^http:\/\/paperboy\.test\/papers\//);
        expect(entry.updated).toBeTruthy();
        expect(entry.authors?.length).toBeGreaterThan(0);
      }
    }
  });

  it("keeps a search feed well-formed XML whatever characters the query holds", async () => {
    for (const extension of ["atom", "rss"]) {
      const response = await app.inject(`/feeds/search.${extension}?q=%01%0Blanguage%EF%BF%BE%20model`);
      expect(response.statusCode).toBe(200);
      const parser = new SaxesParser();
      const titles: string[] = [];
      let inTitle = false;
      parser.on("opentag", (tag) => {
        inTitle = tag.name === "title";
      });
      parser.on("text", (text) => {
        if (inTitle) titles.push(text);
      });
      expect(() => parser.write(response.body).close()).not.toThrow();
      expect(titles[0]).toContain("language model");
    }
  });

  it("publishes JSON Feed 1.1", async () => {
    const response = await app.inject("/feeds/category/cs.CL.json");
    expect(response.headers["content-type"]).toBe("application/feed+json; charset=utf-8");
    const raw = JSON.parse(response.body);
    expect(raw.version).toBe("https://jsonfeed.org/version/1.1");
    expect(raw.items[0].author).toBeUndefined();
    const feed = parseJsonFeed(response.body);
    expect(feed.feed_url).toBe(`${BASE_URL}/feeds/category/cs.CL.json`);
    expect(feed.items?.length).toBeGreaterThan(0);
    for (const item of feed.items ?? []) {
      expect(item.id).toBe(item.url);
      expect(item.authors?.[0]?.name).toBeTruthy();
      expect(item.tags).toContain("cs.CL");
    }
    expect(parseFeed(response.body).format).toBe("json");
  });

  it("keeps the personal feed secret and refuses unknown lists and formats", async () => {
    expect((await app.inject(`${personal.slice(0, -3)}abc.atom`)).statusCode).toBe(404);
    expect((await app.inject("/feeds/personal/1-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.atom")).statusCode).toBe(
      404,
    );
    expect((await app.inject("/feeds/trending.xml")).statusCode).toBe(404);
    expect((await app.inject("/feeds/week/2026-W60.rss")).statusCode).toBe(400);
    expect((await app.inject("/feeds/category/I.2.7.rss")).statusCode).toBe(400);
    expect((await app.inject("/feeds/search.rss")).statusCode).toBe(400);
  });

  it("links every list page to its feeds", async () => {
    for (const [page, feed] of [
      ["/papers", `/feeds/day/${FIXTURE_DAYS[2]}`],
      [`/papers/date/${FIXTURE_DAYS[0]}`, `/feeds/day/${FIXTURE_DAYS[0]}`],
      ["/papers/week/2026-W27", "/feeds/week/2026-W27"],
      ["/papers/month/2026-06", "/feeds/month/2026-06"],
      ["/papers/trending", "/feeds/trending"],
    ] as const) {
      const body = (await app.inject(page)).body;
      const alternates = [
        ...body.matchAll(/<link rel="alternate" type="([^"]+)" title="[^"]+" href="([^"]+)"/g),
      ];
      expect(
        alternates.map((m) => [m[1], m[2]]),
        page,
      ).toEqual([
        ["application/rss+xml", `${feed}.rss`],
        ["application/atom+xml", `${feed}.atom`],
        ["application/feed+json", `${feed}.json`],
      ]);
      for (const ext of ["rss", "atom", "json"]) {
        expect((await app.inject(`${feed}.${ext}`)).statusCode).toBe(200);
      }
      expect(body.includes('href="/subscribe"')).toBe(true);
    }
  });
});
