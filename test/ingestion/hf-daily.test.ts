import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ingestHfDaily } from "../../src/ingestion/hf/ingest-daily.js";
import { getPaper } from "../../src/storage/papers.js";
import { BACKENDS } from "../helpers/backends.js";
import { fixture } from "../helpers/fixtures.js";
import { type ReplayServer, startReplayServer } from "../helpers/replay-server.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const DAY = readFileSync(fixture("hf-daily-papers-api/daily_papers_2026-08-03_trimmed.json"), "utf8");
const EMPTY = "[]";

describe.each(BACKENDS)("ingest hf-daily (%s)", (backend) => {
  let server: ReplayServer;
  let instance: TestInstance;
  beforeEach(async () => {
    server = await startReplayServer();
    instance = await createTestInstance({
      backend,
      env: { HF_API_URL: server.url },
      retry: { minIntervalMs: 0, maxRetries: 1, baseBackoffMs: 1 },
    });
  });
  afterEach(async () => {
    await instance.dispose();
    await server.close();
  });

  const serveDays = (days: Record<string, string>) =>
    server.handle((request) => ({ body: days[request.query.get("date") ?? ""] ?? EMPTY }));

  it("features the day's papers with HF's upvotes kept apart from local ones", async () => {
    serveDays({ "2026-08-03": DAY });
    const report = await ingestHfDaily(instance.services, "2026-08-03", "2026-08-03");
    expect(report).toMatchObject({ days: 1, papers: 3, added: 3, featured: 3 });
    expect(server.requests[0]?.path).toBe("/api/daily_papers");
    expect(server.requests[0]?.query.get("date")).toBe("2026-08-03");
    const paper = await getPaper(instance.services.database, "2607.26654");
    expect(paper).toMatchObject({ listingDay: "2026-08-03", externalUpvotes: 3, upvotes: 0 });
    expect(paper?.title).toMatch(/^Constitutional Midtraining/);
    expect(paper?.authors[0]).toBe("Desiree Cho");
    expect(paper?.authors).toHaveLength(7);
  });

  it("stops paging when a server ignores the page number and repeats a full page", async () => {
    const [entry] = JSON.parse(DAY) as { paper: { id: string } }[];
    const full = Array.from({ length: 100 }, (_, i) => ({
      ...entry,
      paper: { ...entry?.paper, id: `2607.${String(20000 + i)}` },
    }));
    server.handle(() => ({ body: JSON.stringify(full) }));
    const report = await ingestHfDaily(instance.services, "2026-08-03", "2026-08-03");
    expect(report).toMatchObject({ days: 1, papers: 100, added: 100 });
    expect(server.requests).toHaveLength(2);
  });

  it("walks a range day by day, and a re-run only moves the upvote counts", async () => {
    serveDays({ "2026-08-03": DAY });
    await ingestHfDaily(instance.services, "2026-08-02", "2026-08-04");
    expect(server.requests.map((r) => r.query.get("date"))).toEqual([
      "2026-08-02",
      "2026-08-03",
      "2026-08-04",
    ]);
    const more = JSON.parse(DAY);
    more[1].paper.upvotes = 40;
    serveDays({ "2026-08-03": JSON.stringify(more) });
    const again = await ingestHfDaily(instance.services, "2026-08-03", "2026-08-03");
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 3, featured: 0 });
    expect((await getPaper(instance.services.database, "2607.28229"))?.externalUpvotes).toBe(40);
  });

  it("keeps arXiv's versioned metadata when HF knows less", async () => {
    serveDays({ "2026-08-03": DAY });
    const db = instance.services.database.kysely;
    await ingestHfDaily(instance.services, "2026-08-03", "2026-08-03");
    await db
      .updateTable("papers")
      .set({ latest_version: 2, title: "The arXiv title" })
      .where("id", "=", "2607.26654")
      .execute();
    await db.updateTable("papers").set({ content_hash: "stale" }).where("id", "=", "2607.26654").execute();
    await ingestHfDaily(instance.services, "2026-08-03", "2026-08-03");
    expect((await getPaper(instance.services.database, "2607.26654"))?.title).toBe("The arXiv title");
  });

  it("names the source for malformed JSON and for a missing upvote count, and writes nothing of that day", async () => {
    serveDays({ "2026-08-03": DAY.slice(0, 5000) });
    await expect(ingestHfDaily(instance.services, "2026-08-03", "2026-08-03")).rejects.toMatchObject({
      code: "upstream",
      message: expect.stringMatching(/^Hugging Face: malformed JSON \(.*position \d+/),
    });
    const broken = JSON.parse(DAY);
    delete broken[2].paper.upvotes;
    serveDays({ "2026-08-03": JSON.stringify(broken) });
    await expect(ingestHfDaily(instance.services, "2026-08-03", "2026-08-03")).rejects.toThrow(
      /^Hugging Face entry 3: "paper.upvotes" must be a count/,
    );
    expect(await instance.services.database.kysely.selectFrom("papers").select("id").execute()).toEqual([]);
  });
});
