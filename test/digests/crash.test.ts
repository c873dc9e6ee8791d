import type { ParsedMail } from "mailparser";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/core/clock.js";
import { dayPeriod } from "../../src/core/periods.js";
import { sendDigests } from "../../src/digests/send.js";
import { ledgerOf } from "../../src/storage/deliveries.js";
import { BACKENDS } from "../helpers/backends.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";
import { startSmtpCapture } from "../helpers/smtp.js";
import {
  addSubscriber,
  BASE_URL,
  digestDeps,
  FIXTURE_DAYS,
  loadFixturePapers,
  spawnDigestRun,
} from "./helpers.js";

const DAY = FIXTURE_DAYS[2];
const SUBSCRIBERS = 12;

function recipients(messages: readonly ParsedMail[]): string[] {
  return messages.map((mail) => (mail.to && "text" in mail.to ? mail.to.text : "")).sort();
}

const everyone = Array.from(
  { length: SUBSCRIBERS },
  (_, i) => `reader${String(i).padStart(2, "0")}@example.org`,
).sort();

/** A real SMTP server that, at the `killAt`-th MAIL FROM, kills the sending process: a crash mid-run. */
function killingSmtp(killAt: number, victim: () => number | undefined) {
  return startSmtpCapture({
    onMailFrom(count) {
      const pid = victim();
      if (count === killAt && pid) process.kill(pid, "SIGKILL");
    },
  });
}

describe.each(BACKENDS)("a digest run killed midway (%s)", (backend) => {
  let instance: TestInstance;
  const clock = fixedClock("2026-07-01T12:00:00Z");

  beforeEach(async () => {
    instance = await createTestInstance({ backend, clock, env: { BASE_URL } });
    await loadFixturePapers(instance);
    for (const email of everyone)
      await addSubscriber(instance, email, { follows: ["trending", "cat:cs.CV"] });
  });
  afterEach(async () => {
    await instance.dispose();
  });

  it("sends each remaining digest once when run again after an abort between sends", async () => {
    const smtp = await startSmtpCapture();
    const deps = digestDeps(instance, smtp.url);
    const crash = new AbortController();
    const options = { cadence: "daily" as const, period: dayPeriod(DAY), concurrency: 3 };
    const first = await sendDigests(deps, {
      ...options,
      signal: crash.signal,
      onDigest: () => {
        if (smtp.messages.length >= 5) crash.abort();
      },
    });
    expect(first.sent).toBeGreaterThanOrEqual(5);
    expect(first.sent).toBeLessThan(SUBSCRIBERS);
    const second = await sendDigests(deps, options);
    const third = await sendDigests(deps, options);
    deps.close();
    expect(first.sent + second.sent).toBe(SUBSCRIBERS);
    expect(third.sent).toBe(0);
    expect(recipients(smtp.messages)).toEqual(everyone);
    await smtp.close();
  });

  it("sends each remaining digest once when the killed process's run is run again", async () => {
    let pid: number | undefined;
    const smtp = await killingSmtp(5, () => pid);
    const child = spawnDigestRun(instance.config.databaseUrl, smtp.url, DAY);
    pid = child.pid;
    const signal = await new Promise<NodeJS.Signals | null>((resolve) =>
      child.on("exit", (_code, s) => resolve(s)),
    );
    expect(signal).toBe("SIGKILL");
    expect(smtp.messages).toHaveLength(4);
    const ledger = await ledgerOf(instance.services.database, DAY);
    expect(ledger.filter((row) => row.status === "sent")).toHaveLength(4);
    expect(ledger.filter((row) => row.status === "sending")).toHaveLength(1);
    // The dead run's claim (stamped by the child's real clock) is taken over once its lease has run out.
    clock.set(new Date(Date.now() + 20 * 60_000));
    const deps = digestDeps(instance, smtp.url);
    const rerun = await sendDigests(deps, { cadence: "daily", period: dayPeriod(DAY) });
    deps.close();
    expect(rerun.sent).toBe(SUBSCRIBERS - 4);
    expect(recipients(smtp.messages)).toEqual(everyone);
    await smtp.close();
  });
});
