import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/core/clock.js";
import { importFiles } from "../../src/ingestion/import-files.js";
import { searchPapers } from "../../src/search/search-papers.js";
import { buildApp } from "../../src/web/app.js";
import { BACKENDS } from "../helpers/backends.js";
import { fixture } from "../helpers/fixtures.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";
import { storeHostilePaper } from "./hostile-paper.js";

describe.each(BACKENDS)("search limits and shared results (%s)", (backend) => {
  let instance: TestInstance;
  let app: FastifyInstance;

  beforeAll(async () => {
    instance = await createTestInstance({
      backend,
      clock: fixedClock("2026-07-01T12:00:00Z"),
      env: { SEARCH_RATE_LIMIT: "3" },
    });
    await importFiles(instance.services.database, [fixture("listing-small.jsonl")], { format: "listing" });
    app = await buildApp(instance.services);
  });
  afterAll(async () => {
    await app.close();
    await instance.dispose();
  });

  it("limits searches per address across the page, the search feeds and the API", async () => {
    const from = (address: string, url: string) => app.inject({ url, remoteAddress: address });
    for (let i = 0; i < 3; i += 1)
      expect((await from("10.0.0.1", `/search?q=model${i}`)).statusCode).toBe(200);
    const page = await from("10.0.0.1", "/search?q=model");
    expect(page.statusCode).toBe(429);
    expect(page.headers["retry-after"]).toBeTruthy();
    for (let i = 0; i < 3; i += 1) await from("10.0.0.2", `/feeds/search.rss?q=model${i}`);
    expect((await from("10.0.0.2", "/feeds/search.atom?q=model")).statusCode).toBe(429);
    for (let i = 0; i < 3; i += 1) await from("10.0.0.3", `/api/papers/search?q=model${i}`);
    expect((await from("10.0.0.3", "/api/papers/search?q=model")).statusCode).toBe(429);
    expect((await from("10.0.0.4", "/search?q=model")).statusCode).toBe(200);
  });

  it("shares one result among identical searches until the data changes", async () => {
    const request = { q: "hostile title", mode: "keyword" as const, offset: 0, limit: 20 };
    const [first, second] = await Promise.all([
      searchPapers(instance.services.search, request),
      searchPapers(instance.services.search, request),
    ]);
    expect(second).toBe(first);
    expect(await searchPapers(instance.services.search, request)).toBe(first);
    await storeHostilePaper(instance.services.database);
    const after = await searchPapers(instance.services.search, request);
    expect(after).not.toBe(first);
    expect(after.papers.map((paper) => paper.id)).toContain("2606.99999");
  });
});
