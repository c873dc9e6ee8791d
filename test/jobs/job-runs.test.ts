import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/core/clock.js";
import type { Job } from "../../src/jobs/job.js";
import { DEFAULT_RUN_POLICY, runJob } from "../../src/jobs/run-job.js";
import { startScheduler } from "../../src/jobs/scheduler.js";
import { findJobRun } from "../../src/storage/job-runs.js";
import { BACKENDS } from "../helpers/backends.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

/** A job that counts its runs, takes a while, and fails when told to. */
function countingJob(options: { failFirst?: number; ms?: number } = {}) {
  const job = {
    runs: 0,
    name: "counting",
    when: "in tests",
    period: () => "2026-11-26",
    async run() {
      job.runs += 1;
      await new Promise((resolve) => setTimeout(resolve, options.ms ?? 50));
      if (job.runs <= (options.failFirst ?? 0)) throw new Error(`attempt ${job.runs} broke`);
      return `run ${job.runs}`;
    },
  };
  return job satisfies Job;
}

describe.each(BACKENDS)("scheduled job runs (%s)", (backend) => {
  const clock = fixedClock("2026-11-27T02:00:00Z");
  let first: TestInstance;
  let second: TestInstance;
  beforeEach(async () => {
    clock.set("2026-11-27T02:00:00Z");
    first = await createTestInstance({ backend, clock });
    // A second process on the same database: its own connections, its own owner name.
    second = await createTestInstance({ clock, databaseUrl: first.config.databaseUrl });
  });
  afterEach(async () => {
    await second.dispose();
    await first.dispose();
  });

  it("runs once when two processes start the same job for the same period at once", async () => {
    const job = countingJob();
    const outcomes = await Promise.all([
      runJob(first.services, job, "2026-11-26", { owner: "a" }),
      runJob(second.services, job, "2026-11-26", { owner: "b" }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["done", "skipped"]);
    expect(job.runs).toBe(1);
    expect(await runJob(first.services, job, "2026-11-26", { owner: "c" })).toMatchObject({
      status: "skipped",
    });
    expect(await runJob(first.services, job, "2026-11-27", { owner: "c" })).toMatchObject({ status: "done" });
    expect(await findJobRun(first.services.database, "counting", "2026-11-26")).toMatchObject({
      status: "done",
      detail: "run 1",
      attempts: 1,
    });
  });

  it("records a failure, and tries again only once the retry delay has passed", async () => {
    const job = countingJob({ failFirst: 1 });
    expect(await runJob(first.services, job, "p", { owner: "a" })).toEqual({
      status: "failed",
      detail: "attempt 1 broke",
    });
    expect(await runJob(first.services, job, "p", { owner: "a" })).toMatchObject({ status: "skipped" });
    clock.set(new Date(clock.now().getTime() + DEFAULT_RUN_POLICY.retryAfterMs + 1000));
    expect(await runJob(second.services, job, "p", { owner: "b" })).toEqual({
      status: "done",
      detail: "run 2",
    });
    expect(await findJobRun(first.services.database, "counting", "p")).toMatchObject({
      attempts: 2,
      status: "done",
    });
  });

  it("takes over a claim whose process died, once its lease has run out", async () => {
    const job = countingJob();
    await first.services.database.kysely
      .insertInto("job_runs")
      .values({
        job: "counting",
        period: "p",
        status: "running",
        attempts: 1,
        claimed_by: "dead",
        claimed_at: clock.now().toISOString(),
      })
      .execute();
    expect(await runJob(first.services, job, "p", { owner: "a" })).toMatchObject({ status: "skipped" });
    clock.set(new Date(clock.now().getTime() + DEFAULT_RUN_POLICY.leaseMs + 1000));
    expect(await runJob(first.services, job, "p", { owner: "a" })).toMatchObject({ status: "done" });
    expect(job.runs).toBe(1);
  });
});

describe("the scheduler", () => {
  let instance: TestInstance;
  beforeEach(async () => {
    instance = await createTestInstance({ clock: fixedClock("2026-11-27T02:00:00Z") });
  });
  afterEach(async () => {
    await instance.dispose();
  });

  it("runs each due job once per period across ticks, logs what it did, and stops cleanly", async () => {
    const job = countingJob({ ms: 5 });
    const lines: string[] = [];
    const scheduler = startScheduler(instance.services, {
      jobs: [job],
      intervalMs: 20,
      log: (line) => lines.push(line),
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await scheduler.stop();
    expect(job.runs).toBe(1);
    expect(lines).toEqual(["job counting 2026-11-26: done: run 1"]);
  });
});
