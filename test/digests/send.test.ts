import type { FastifyInstance } from "fastify";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/core/clock.js";
import { dayPeriod, weekOf } from "../../src/core/periods.js";
import { sendDigests } from "../../src/digests/send.js";
import { ledgerOf } from "../../src/storage/deliveries.js";
import { buildApp } from "../../src/web/app.js";
import { addPapers, paperRecord } from "../helpers/api.js";
import { BACKENDS } from "../helpers/backends.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";
import { type SmtpCapture, startSmtpCapture } from "../helpers/smtp.js";
import {
  addSubscriber,
  BASE_URL,
  digestDeps,
  FIXTURE_DAYS,
  linksIn,
  loadFixturePapers,
  localPath,
} from "./helpers.js";

const DAY = FIXTURE_DAYS[1];
const header = (mail: { headerLines: readonly { key: string; line: string }[] }, key: string) =>
  mail.headerLines.find((h) => h.key === key)?.line.replace(/^[^:]+:\s*/, "");

describe.each(BACKENDS)("digest sending (%s)", (backend) => {
  let instance: TestInstance;
  let smtp: SmtpCapture;
  let app: FastifyInstance;
  const clock = fixedClock("2026-07-01T12:00:00Z");

  beforeAll(async () => {
    instance = await createTestInstance({ backend, clock, env: { BASE_URL } });
    await loadFixturePapers(instance);
    app = await buildApp(instance.services);
  });
  afterAll(async () => {
    await app.close();
    await instance.dispose();
  });
  beforeEach(async () => {
    smtp = await startSmtpCapture();
  });
  afterEach(async () => {
    await smtp.close();
  });

  it("sends a digest with both parts, the one-click headers and links that work in the app", async () => {
    await addSubscriber(instance, "ada@example.org", { follows: ["trending", "cat:cs.CL"], paperCount: 6 });
    await addSubscriber(instance, "pending@example.org", { confirmed: false });
    const deps = digestDeps(instance, smtp.url);
    const report = await sendDigests(deps, {
      cadence: "daily",
      period: dayPeriod(DAY),
      to: "ada@example.org",
    });
    deps.close();
    expect(report.sent).toBe(1);
    const [mail] = await smtp.waitFor(1);
    if (!mail) throw new Error("no mail");
    expect(mail.to && "text" in mail.to ? mail.to.text : "").toBe("ada@example.org");
    expect(mail.subject).toBe("Paperboy daily digest, June 29, 2026: 6 papers");
    expect(header(mail, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(header(mail, "list-unsubscribe")).toMatch(
      /^<http:\/\/paperboy\.test\/unsubscribe\?token=[\w.-]+>$/,
    );
    expect(mail.messageId).toMatch(/^<digest\.\d+\.2026-06-29@paperboy\.test>$/);
    expect(mail.html).toContain('role="presentation"');
    expect(mail.html).not.toMatch(/<style|<link/);
    const text = mail.text ?? "";
    expect(text.match(/^\d+\. /gm)).toHaveLength(6);
    expect(text).toContain("(cat:cs.CL)");
    for (const link of linksIn(text).filter((url) => url.startsWith(BASE_URL))) {
      const response = await app.inject(localPath(link));
      expect(response.statusCode, link).toBe(200);
    }
  });

  it("never sends a paper twice to one subscription, nor a digest twice for one period", async () => {
    const id = await addSubscriber(instance, "bob@example.org", {
      cadence: "weekly",
      follows: ["cat:cs.AI"],
      paperCount: 20,
    });
    const deps = digestDeps(instance, smtp.url);
    await sendDigests(deps, { cadence: "weekly", period: weekOf("2026-06-22"), to: "bob@example.org" });
    await sendDigests(deps, { cadence: "weekly", period: weekOf("2026-06-22"), to: "bob@example.org" });
    // The week of 2026-06-29 is still running on July 1st: sending it now would settle it half done.
    const current = { cadence: "weekly" as const, period: weekOf("2026-06-29"), to: "bob@example.org" };
    await expect(sendDigests(deps, current)).rejects.toThrow(/2026-W27 has not ended/);
    expect((await sendDigests(deps, { ...current, dryRun: true })).preview).toBe(1);
    clock.set("2026-07-06T12:00:00Z");
    const again = await sendDigests(deps, current);
    clock.set("2026-07-01T12:00:00Z");
    deps.close();
    expect(again.sent).toBe(1);
    const mails = await smtp.waitFor(2);
    expect(mails).toHaveLength(2);
    const ids = mails.map(
      (mail) =>
        new Set(
          linksIn(mail.text ?? "")
            .filter((u) => u.includes("/papers/2"))
            .map((u) => u.split("/papers/")[1]),
        ),
    );
    const [first, second] = ids as [Set<string>, Set<string>];
    expect(first.size).toBe(20);
    expect([...second].filter((paper) => first.has(paper))).toEqual([]);
    expect(
      (await ledgerOf(instance.services.database, "2026-W26")).find((row) => row.subscriptionId === id)
        ?.status,
    ).toBe("sent");
  });

  it("looks again at a digest that was empty, and sends it once its period has papers for it", async () => {
    await addSubscriber(instance, "niche@example.org", { follows: ["cat:nlin.CG"] });
    const deps = digestDeps(instance, smtp.url);
    const run = () =>
      sendDigests(deps, { cadence: "daily", period: dayPeriod(DAY), to: "niche@example.org" });
    expect(await run()).toMatchObject({ empty: 1, sent: 0 });
    expect(await run()).toMatchObject({ empty: 1, sent: 0 });
    // A paper in the subscriber's category arrives late for the day (a submission, a late list).
    await addPapers(
      instance.services,
      [paperRecord("2606.99500", { title: "Late paper on cellular automata", categories: ["nlin.CG"] })],
      DAY,
    );
    const late = await run();
    deps.close();
    expect(late).toMatchObject({ sent: 1, empty: 0 });
    expect(await run()).toMatchObject({ sent: 0, settled: 1 });
  });

  it("retries SMTP failures with backoff, then leaves the digest for a later run, then gives up", async () => {
    await addSubscriber(instance, "flaky@example.org");
    await addSubscriber(instance, "down@example.org");
    const deps = digestDeps(instance, smtp.url);
    const retry = { attemptsPerRun: 3, maxAttempts: 4, baseDelayMs: 1, retryLaterMs: 60_000 };
    smtp.failNext(2);
    const flaky = await sendDigests(deps, {
      cadence: "daily",
      period: dayPeriod(DAY),
      to: "flaky@example.org",
      retry,
    });
    expect(flaky.sent).toBe(1);
    smtp.failNext(100);
    const down = await sendDigests(deps, {
      cadence: "daily",
      period: dayPeriod(DAY),
      to: "down@example.org",
      retry,
    });
    expect(down.retry).toBe(1);
    const early = await sendDigests(deps, {
      cadence: "daily",
      period: dayPeriod(DAY),
      to: "down@example.org",
      retry,
    });
    expect(early.busy).toBe(1);
    clock.set("2026-07-01T12:05:00Z");
    const later = await sendDigests(deps, {
      cadence: "daily",
      period: dayPeriod(DAY),
      to: "down@example.org",
      retry,
    });
    expect(later.failed).toBe(1);
    deps.close();
    expect(smtp.messages.map((mail) => mail.subject)).toHaveLength(1);
    const rows = await ledgerOf(instance.services.database, DAY);
    const attempts = rows.map((row) => [row.status, row.attempts]);
    expect(attempts).toContainEqual(["sent", 3]);
    expect(attempts).toContainEqual(["failed", 4]);
  });
});
