import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/core/clock.js";
import { dayPeriod } from "../../src/core/periods.js";
import { sendDigests } from "../../src/digests/send.js";
import { ledgerOf } from "../../src/storage/deliveries.js";
import { BACKENDS } from "../helpers/backends.js";
import { freePort } from "../helpers/server.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";
import { startSmtpCapture } from "../helpers/smtp.js";
import { addSubscriber, BASE_URL, digestDeps, FIXTURE_DAYS, loadFixturePapers } from "./helpers.js";

describe.each(BACKENDS)("digests while the mail server is down (%s)", (backend) => {
  let instance: TestInstance;
  const clock = fixedClock("2026-07-01T12:00:00Z");
  const period = dayPeriod(FIXTURE_DAYS[1]);
  const retry = { attemptsPerRun: 2, maxAttempts: 3, baseDelayMs: 1, retryLaterMs: 60_000 };

  beforeAll(async () => {
    instance = await createTestInstance({ backend, clock, env: { BASE_URL } });
    await loadFixturePapers(instance);
    for (const name of ["ann", "ben", "cat", "dov"]) await addSubscriber(instance, `${name}@example.org`);
  });
  afterAll(() => instance.dispose());

  it("stops at the first digest, uses up no attempts, and sends everything once the server is back", async () => {
    // Nothing listens on a port just freed: connecting is refused at once.
    const down = digestDeps(instance, `smtp://127.0.0.1:${await freePort()}`);
    for (let run = 0; run < 4; run += 1) {
      clock.set(new Date(Date.parse("2026-07-01T12:00:00Z") + run * 120_000));
      const report = await sendDigests(down, { cadence: "daily", period, retry, concurrency: 1 });
      expect(report.mailServerDown).toMatch(/could not be reached/);
      expect(report).toMatchObject({ sent: 0, failed: 0, retry: 1 });
    }
    down.close();
    const rows = await ledgerOf(instance.services.database, period.key);
    expect(rows.map((row) => row.status)).toEqual(["retry"]);

    const smtp = await startSmtpCapture();
    const up = digestDeps(instance, smtp.url);
    clock.set("2026-07-01T13:00:00Z");
    const report = await sendDigests(up, { cadence: "daily", period, retry });
    up.close();
    expect(report).toMatchObject({ sent: 4, failed: 0, retry: 0 });
    expect(report.mailServerDown).toBeUndefined();
    expect(
      (await smtp.waitFor(4)).map((mail) => (mail.to && "text" in mail.to ? mail.to.text : "")).sort(),
    ).toEqual(["ann@example.org", "ben@example.org", "cat@example.org", "dov@example.org"]);
    await smtp.close();
  });
});
