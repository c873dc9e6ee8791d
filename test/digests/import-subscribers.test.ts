import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/core/clock.js";
import { formatFollow } from "../../src/core/follows.js";
import { importSubscribers } from "../../src/digests/import-subscribers.js";
import { findSubscriptionByEmail } from "../../src/storage/subscriptions.js";
import { BACKENDS } from "../helpers/backends.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";
import { type SmtpCapture, startSmtpCapture } from "../helpers/smtp.js";
import { BASE_URL, digestDeps } from "./helpers.js";

const CSV = [
  "email,cadence,follows",
  'ada@example.org,weekly,"trending;cat:cs.LG;""diffusion model"" -survey"',
  "BOB@example.org,daily,",
  "not-an-address,daily,trending",
  "carol@example.org,hourly,trending",
  "dan@example.org,daily,cat:I.2.7",
  "ada@example.org,daily,trending",
].join("\n");

describe.each(BACKENDS)("subscribers import (%s)", (backend) => {
  let instance: TestInstance;
  let smtp: SmtpCapture;

  beforeAll(async () => {
    instance = await createTestInstance({
      backend,
      clock: fixedClock("2026-07-01T12:00:00Z"),
      env: { BASE_URL },
    });
    smtp = await startSmtpCapture();
  });
  afterAll(async () => {
    await smtp.close();
    await instance.dispose();
  });

  it("adds good rows, reports bad ones by line, and emails confirmations", async () => {
    const file = join(instance.directory, "subscribers.csv");
    writeFileSync(file, CSV);
    const problems: string[] = [];
    const deps = digestDeps(instance, smtp.url);
    const report = await importSubscribers(deps, file, {
      confirmed: false,
      onProblem: (line, message) => problems.push(`${line}: ${message}`),
    });
    expect(report).toEqual({ added: 2, existing: 1, rejected: 3, confirmationsSent: 2 });
    expect(problems).toEqual([
      '4: "not-an-address" is not an email address (expected name@example.org)',
      '5: "hourly" is not a cadence: use daily or weekly',
      '6: "I.2.7" is not an arXiv category such as cs.LG or hep-th',
    ]);
    const ada = await findSubscriptionByEmail(instance.services.database, "ada@example.org");
    expect(ada?.cadence).toBe("weekly");
    expect(ada?.confirmedAt).toBeNull();
    expect(ada?.follows.map(formatFollow)).toEqual(["trending", "cat:cs.LG", '"diffusion model" -survey']);
    expect(
      (await findSubscriptionByEmail(instance.services.database, "bob@example.org"))?.follows.map(
        formatFollow,
      ),
    ).toEqual(["trending"]);
    const mails = await smtp.waitFor(2);
    expect(mails.map((mail) => mail.subject)).toEqual([
      "Confirm your Paperboy subscription",
      "Confirm your Paperboy subscription",
    ]);
    deps.close();
  });

  it("reports rows with too many or too few fields by line, and imports the rows around them", async () => {
    const file = join(instance.directory, "ragged.csv");
    const good = Array.from({ length: 1500 }, (_, i) => `reader${i}@example.org,daily,trending`);
    writeFileSync(
      file,
      [
        "email,cadence,follows",
        ...good,
        "bad@example.org,daily,trending,extra",
        "kim@example.org",
        "last@example.org,weekly,trending",
      ].join("\n"),
    );
    const problems: string[] = [];
    const deps = digestDeps(instance, smtp.url);
    const report = await importSubscribers(deps, file, {
      confirmed: true,
      onProblem: (line, message) => problems.push(`${line}: ${message}`),
    });
    deps.close();
    expect(report).toMatchObject({ added: 1501, rejected: 2 });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^1502: /);
    expect(problems[1]).toMatch(/^1503: /);
    expect(await findSubscriptionByEmail(instance.services.database, "last@example.org")).not.toBeNull();
    expect(await findSubscriptionByEmail(instance.services.database, "bad@example.org")).toBeNull();
  });

  it("keeps rows whose confirmation could not be mailed, and mails them when the import runs again", async () => {
    const file = join(instance.directory, "outage.csv");
    writeFileSync(file, "email,cadence,follows\nfay@example.org,daily,trending\ngus@example.org,weekly,\n");
    const deps = digestDeps(instance, smtp.url);
    const problems: string[] = [];
    const before = smtp.messages.length;
    smtp.failNext(100);
    const first = await importSubscribers(deps, file, {
      confirmed: false,
      onProblem: (_line, message) => problems.push(message),
    });
    expect(first).toMatchObject({ added: 2, confirmationsSent: 0, rejected: 2 });
    expect(problems[0]).toMatch(
      /^fay@example.org is stored, but its confirmation could not be sent .*run the import again/,
    );
    smtp.failNext(0);
    const second = await importSubscribers(deps, file, { confirmed: false });
    expect(second).toMatchObject({ added: 0, existing: 2, confirmationsSent: 2, rejected: 0 });
    // Mailed now: a further run (a nightly sync, say) does not mail them again.
    const third = await importSubscribers(deps, file, { confirmed: false });
    expect(third).toMatchObject({ existing: 2, confirmationsSent: 0 });
    deps.close();
    const mails = await smtp.waitFor(before + 2);
    expect(mails.slice(before).map((mail) => mail.to)).toEqual([
      expect.objectContaining({ text: "fay@example.org" }),
      expect.objectContaining({ text: "gus@example.org" }),
    ]);
  });

  it("marks rows confirmed without emailing when told to, and refuses a file without the header", async () => {
    const file = join(instance.directory, "confirmed.csv");
    writeFileSync(file, "email,cadence,follows\nerin@example.org,daily,trending\n");
    const deps = digestDeps(instance, smtp.url);
    const before = smtp.messages.length;
    expect(await importSubscribers(deps, file, { confirmed: true })).toMatchObject({
      added: 1,
      confirmationsSent: 0,
    });
    expect(
      (await findSubscriptionByEmail(instance.services.database, "erin@example.org"))?.confirmedAt,
    ).not.toBeNull();
    expect(smtp.messages.length).toBe(before);
    writeFileSync(file, "address,frequency\nx@example.org,daily\n");
    await expect(importSubscribers(deps, file, { confirmed: true })).rejects.toThrow(
      /header must name email,cadence,follows/,
    );
    deps.close();
  });
});
