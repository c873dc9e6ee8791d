import { spawnSync } from "node:child_process";
import { hostname } from "node:os";
import type { ParsedMail } from "mailparser";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/core/clock.js";
import { dayPeriod } from "../../src/core/periods.js";
import { sendDigests } from "../../src/digests/send.js";
import { ledgerOf } from "../../src/storage/deliveries.js";
import { claimJobRun } from "../../src/storage/job-runs.js";
import { runHolder } from "../../src/storage/run-holder.js";
import {
  addSubscriber,
  BASE_URL,
  digestDeps,
  FIXTURE_DAYS,
  loadFixturePapers,
  spawnDigestRun,
} from "../digests/helpers.js";
import { BACKENDS } from "../helpers/backends.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";
import { startSmtpCapture } from "../helpers/smtp.js";

const DAY = FIXTURE_DAYS[2];
const SUBSCRIBERS = 8;
const everyone = Array.from({ length: SUBSCRIBERS }, (_, i) => `reader${i}@example.org`).sort();

function recipients(messages: readonly ParsedMail[]): string[] {
  return messages.map((mail) => (mail.to && "text" in mail.to ? mail.to.text : "")).sort();
}

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "0"]);
  return child.pid ?? 0;
}

describe.each(BACKENDS)("claims of dead runs (%s)", (backend) => {
  let instance: TestInstance;
  const clock = fixedClock("2026-07-01T12:00:00Z");

  beforeEach(async () => {
    instance = await createTestInstance({ backend, clock, env: { BASE_URL } });
  });
  afterEach(async () => {
    await instance.dispose();
  });

  it("a digest run killed mid-send, run again at once, sends every digest exactly once", async () => {
    await loadFixturePapers(instance);
    for (const email of everyone) await addSubscriber(instance, email);
    let pid: number | undefined;
    const smtp = await startSmtpCapture({
      onMailFrom(count) {
        if (count === 4 && pid) process.kill(pid, "SIGKILL");
      },
    });
    const child = spawnDigestRun(instance.config.databaseUrl, smtp.url, DAY);
    pid = child.pid;
    await new Promise((resolve) => child.on("exit", resolve));
    const ledger = await ledgerOf(instance.services.database, DAY);
    expect(ledger.filter((row) => row.status === "sending")).toHaveLength(1);
    // No clock moves: the dead run's claim is fresh, and is taken over because its holder is gone.
    const deps = digestDeps(instance, smtp.url);
    const rerun = await sendDigests(deps, { cadence: "daily", period: dayPeriod(DAY) });
    deps.close();
    expect(rerun.busy).toBe(0);
    expect(recipients(smtp.messages)).toEqual(everyone);
    await smtp.close();
  });

  it("takes over a job claim whose holder is provably dead, and waits when it cannot know", async () => {
    const database = instance.services.database;
    const claim = (period: string) =>
      claimJobRun(database, {
        job: "test-job",
        period,
        owner: "me:1:aaaaaa",
        now: clock.now(),
        leaseMs: 6 * 3600_000,
        retryAfterMs: 15 * 60_000,
        maxAttempts: 5,
      });
    const hold = (period: string, owner: string) =>
      database.kysely
        .insertInto("job_runs")
        .values({
          job: "test-job",
          period,
          status: "running",
          attempts: 1,
          claimed_by: owner,
          claimed_at: clock.now().toISOString(),
        })
        .execute();
    await hold("gone-process", `${hostname()}:${deadPid()}:abcdef`);
    expect(await claim("gone-process")).toBe(true);
    await hold("other-host", "elsewhere.example:1234:abcdef");
    expect(await claim("other-host")).toBe(false);
    await hold("alive", await runHolder(database));
    expect(await claim("alive")).toBe(false);
    if (backend === "postgres") {
      await hold("ended-session", "elsewhere.example:1234:abcdef@pg999999.1");
      expect(await claim("ended-session")).toBe(true);
    }
  });
});
