import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/core/clock.js";
import { loadDemoCorpus } from "../../src/ingestion/demo.js";
import { buildApp } from "../../src/web/app.js";
import { signedInClient } from "../helpers/accounts.js";
import { BACKENDS } from "../helpers/backends.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

type Entry = { paper: { id: string }; why?: { points: number } };
const ids = (entries: Entry[]) => entries.map((entry) => entry.paper.id);

// Months after the demo's days (16 June to 1 July 2026), as on a fresh `npm start` today.
describe.each(BACKENDS)("the demo's community loop, months after its days (%s)", (backend) => {
  let instance: TestInstance;
  let app: FastifyInstance;

  beforeAll(async () => {
    instance = await createTestInstance({ backend, clock: fixedClock("2026-12-03T15:00:00Z") });
    const report = await loadDemoCorpus(instance.services.database, () => instance.services.clock.now());
    expect(report.picks).toBeGreaterThan(0);
    app = await buildApp(instance.services);
  });
  afterAll(async () => {
    await app?.close();
    await instance?.dispose();
  });

  it("gives Hugging Face's clients a curated list, and trending and its feeds entries", async () => {
    expect((await app.inject("/api/daily_papers")).json().length).toBeGreaterThan(0);
    const page = await app.inject("/papers/trending");
    expect(page.body).toContain("trending is counted as it stood at the end of");
    expect((await app.inject("/api/trending?limit=5")).json()).toHaveLength(5);
    const feed = await app.inject("/feeds/trending.rss");
    expect(feed.body.match(/<item>/g)?.length).toBeGreaterThan(0);
    expect(feed.body).not.toContain("1970");
  });

  it("puts a member's upvote on a new paper on its day's list and first on trending", async () => {
    const db = instance.services.database.kysely;
    const newest = await db
      .selectFrom("listing_entries")
      .select((eb) => eb.fn.max("listing_day").as("day"))
      .executeTakeFirstOrThrow();
    const day = newest.day ?? "";
    const unfeatured = await db
      .selectFrom("announcements as a")
      .leftJoin("listing_entries as l", "l.paper_id", "a.paper_id")
      .select("a.paper_id")
      .where("a.arxiv_day", "=", day)
      .where("l.paper_id", "is", null)
      .orderBy("a.paper_id")
      .executeTakeFirstOrThrow();
    const paper = unfeatured.paper_id;
    const { client } = await signedInClient(app, instance.services, "ada@example.org");
    await client.get(`/papers/new/${day}`);
    const upvoted = await client.post(
      "/upvote",
      { paper, on: "1" },
      { headers: { accept: "application/json" } },
    );
    expect(upvoted.json()).toMatchObject({ upvoted: true, upvotes: 1 });
    const daily: Entry[] = (await app.inject(`/api/daily_papers?date=${day}&limit=100`)).json();
    expect(ids(daily)).toContain(paper);
    const trending: Entry[] = (await app.inject("/api/trending?limit=3")).json();
    expect(ids(trending)[0]).toBe(paper);
    expect(trending[0]?.why?.points).toBe(1);
  });
});
