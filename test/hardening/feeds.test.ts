import type { FastifyInstance } from "fastify";
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import { SaxesParser } from "saxes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/core/clock.js";
import { buildApp } from "../../src/web/app.js";
import { BACKENDS } from "../helpers/backends.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";
import { HOSTILE_DAY, HOSTILE_ID, hostileRecord, storeHostilePaper } from "./hostile-paper.js";

const LINK = `http://paperboy.test/papers/${HOSTILE_ID}`;
const FEEDS = [`/feeds/day/${HOSTILE_DAY}`, "/feeds/papers", "/feeds/category/cs.CL"];

/** Every element name in an XML document, failing on anything that is not well-formed. */
function elementNames(xml: string): string[] {
  const names: string[] = [];
  const parser = new SaxesParser();
  parser.on("opentag", (tag) => names.push(tag.name));
  parser.write(xml).close();
  return names;
}

describe.each(BACKENDS)("feeds of a paper with hostile metadata (%s)", (backend) => {
  let instance: TestInstance;
  let app: FastifyInstance;

  beforeAll(async () => {
    instance = await createTestInstance({
      backend,
      clock: fixedClock("2026-07-01T12:00:00Z"),
      env: { BASE_URL: "http://paperboy.test" },
    });
    await storeHostilePaper(instance.services.database);
    app = await buildApp(instance.services);
  });
  afterAll(async () => {
    await app.close();
    await instance.dispose();
  });

  it("keeps RSS well-formed, with the title as written and the paper's own link only", async () => {
    const title = hostileRecord().title;
    for (const path of FEEDS) {
      const body = (await app.inject(`${path}.rss`)).body;
      expect(elementNames(body)).not.toContain("script");
      const items = parseRssFeed(body).items ?? [];
      expect(items.map((item) => item.link)).toEqual([LINK]);
      expect(items[0]?.title).toBe(title);
    }
    const search = await app.inject(`/feeds/search.rss?q=${encodeURIComponent("]]><x>")}`);
    expect(() => elementNames(search.body)).not.toThrow();
  });

  it("keeps Atom and JSON Feed readable with the paper's link", async () => {
    for (const path of FEEDS) {
      const atom = (await app.inject(`${path}.atom`)).body;
      expect(elementNames(atom)).not.toContain("script");
      expect(parseAtomFeed(atom).entries?.map((entry) => entry.id)).toEqual([LINK]);
      const json = parseJsonFeed((await app.inject(`${path}.json`)).body);
      expect(json.items?.map((item) => item.url)).toEqual([LINK]);
    }
  });
});
