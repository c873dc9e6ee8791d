import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/core/clock.js";
import { runJob } from "../../src/jobs/run-job.js";
import { SCHEDULE } from "../../src/jobs/schedule.js";
import { BACKENDS } from "../helpers/backends.js";
import { fixture } from "../helpers/fixtures.js";
import { pagedHarvest } from "../helpers/oai-pages.js";
import { type ReplayServer, startReplayServer } from "../helpers/replay-server.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const job = (name: string) => {
  const found = SCHEDULE.find((j) => j.name === name);
  if (!found) throw new Error(`no job ${name}`);
  return found;
};

describe.each(BACKENDS)("the scheduled ingestion jobs (%s)", (backend) => {
  let server: ReplayServer;
  let instance: TestInstance;
  // Thursday 26 November 2026, 21:00 in New York: that evening's announcement is due.
  const clock = fixedClock("2026-11-27T02:00:00Z");
  beforeEach(async () => {
    server = await startReplayServer();
    instance = await createTestInstance({
      backend,
      clock,
      env: { ARXIV_OAI_URL: `${server.url}/oai`, HF_API_URL: server.url, ARXIV_REQUEST_INTERVAL_MS: "0" },
      retry: { minIntervalMs: 0, maxRetries: 0 },
    });
  });
  afterEach(async () => {
    await instance.dispose();
    await server.close();
  });

  it("harvests arXiv once per announcement, starting a few days back the first time", async () => {
    server.handle(pagedHarvest(3));
    const harvest = job("arxiv-harvest");
    const period = harvest.period(clock.now());
    expect(period).toBe("2026-11-26");
    expect(await runJob(instance.services, harvest, period ?? "")).toMatchObject({ status: "done" });
    expect(server.requests[0]?.query.get("from")).toBe("2026-11-23");
    expect(await runJob(instance.services, harvest, period ?? "")).toMatchObject({ status: "skipped" });
    expect(server.requests).toHaveLength(2);
    expect(await instance.services.database.kysely.selectFrom("papers").select("id").execute()).toHaveLength(
      6,
    );
  });

  it("imports yesterday's and today's Hugging Face lists, and records a failure without throwing", async () => {
    const day = readFileSync(fixture("hf-daily-papers-api/daily_papers_2026-08-03_trimmed.json"), "utf8");
    server.handle((request) => ({ body: request.query.get("date") === "2026-11-26" ? day : "[]" }));
    const hf = job("hf-daily");
    expect(await runJob(instance.services, hf, "2026-11-27T00")).toMatchObject({ status: "done" });
    expect(server.requests.map((r) => r.query.get("date"))).toEqual(["2026-11-25", "2026-11-26"]);
    server.handle(() => ({ status: 500, body: "down" }));
    expect(await runJob(instance.services, hf, "2026-11-27T03")).toMatchObject({
      status: "failed",
      detail: expect.stringMatching(/^Hugging Face: HTTP 500 after 1 attempts/),
    });
  });
});
