import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/core/clock.js";
import { dayPeriod, weekOf } from "../../src/core/periods.js";
import { sendDigests } from "../../src/digests/send.js";
import type { Services } from "../../src/services.js";
import { findSubscriptionByEmail } from "../../src/storage/subscriptions.js";
import { BACKENDS } from "../helpers/backends.js";
import type { SmtpCapture } from "../helpers/smtp.js";
import { BASE_URL, type DigestSite, FIXTURE_DAYS, linksIn, localPath, startDigestSite } from "./helpers.js";

/** A form page's CSRF token and cookie, as a browser would carry them to the POST. */
async function formSession(app: FastifyInstance, url: string) {
  const page = await app.inject(url);
  expect(page.statusCode).toBe(200);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
  const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  return { csrf, cookie, body: page.body };
}

function post(app: FastifyInstance, url: string, session: { cookie: string }, form: Record<string, string>) {
  return app.inject({
    method: "POST",
    url,
    headers: { cookie: session.cookie, "content-type": "application/x-www-form-urlencoded" },
    payload: new URLSearchParams(form).toString(),
  });
}

describe.each(BACKENDS)("subscribing, preferences and unsubscribing (%s)", (backend) => {
  const clock = fixedClock("2026-07-01T12:00:00Z");
  let services: Services;
  let smtp: SmtpCapture;
  let app: FastifyInstance;

  let site: DigestSite;

  beforeAll(async () => {
    site = await startDigestSite(clock, backend);
    ({ services, smtp, app } = site);
  });
  afterAll(() => site.close());

  let confirmLink = "";
  const digestRun = () =>
    sendDigests({ ...services, baseUrl: BASE_URL }, { cadence: "daily", period: dayPeriod(FIXTURE_DAYS[2]) });

  it("refuses a subscribe form without its CSRF token", async () => {
    const session = await formSession(app, "/subscribe");
    const response = await post(app, "/subscribe", session, { email: "eve@example.org" });
    expect(response.statusCode).toBe(403);
    expect(smtp.messages).toHaveLength(0);
  });

  it("confirms by email before sending anything else, and rate limits repeats without telling", async () => {
    const session = await formSession(app, "/subscribe");
    const first = await post(app, "/subscribe", session, { email: "Grace@Example.org", _csrf: session.csrf });
    expect(first.statusCode).toBe(200);
    const [confirmation] = await smtp.waitFor(1);
    expect(confirmation?.subject).toBe("Confirm your Paperboy subscription");
    expect((await digestRun()).sent).toBe(0);
    const again = await post(app, "/subscribe", session, { email: "grace@example.org", _csrf: session.csrf });
    expect(again.statusCode).toBe(200);
    expect(again.body).toBe(first.body);
    expect(smtp.messages).toHaveLength(1);

    confirmLink = linksIn(confirmation?.text ?? "").find((url) => url.includes("/subscribe/confirm")) ?? "";
    // Opening the link (as a mail scanner does) confirms nothing; its button does.
    const page = await formSession(app, localPath(confirmLink));
    expect(page.body).toContain("Send Paperboy's digests to grace@example.org?");
    expect((await digestRun()).sent).toBe(0);
    const token = new URL(confirmLink).searchParams.get("token") ?? "";
    const confirmed = await post(app, "/subscribe/confirm", page, { token, _csrf: page.csrf });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain("Digests will go to grace@example.org");
    expect((await digestRun()).sent).toBe(1);
    expect((await smtp.waitFor(2))[1]?.to).toMatchObject({ text: "grace@example.org" });
  });

  it("answers an already subscribed address the same, and mails its owner a way in", async () => {
    clock.set("2026-07-01T14:00:00Z");
    const session = await formSession(app, "/subscribe");
    const response = await post(app, "/subscribe", session, {
      email: "grace@example.org",
      _csrf: session.csrf,
    });
    expect(response.body).toContain("Check your inbox");
    const mails = await smtp.waitFor(3);
    expect(mails[2]?.subject).toBe("Your Paperboy subscription");
  });

  it("saves preferences behind the signed link, refusing bad follows", async () => {
    const link =
      linksIn(smtp.messages[2]?.text ?? "").find((url) => url.includes("/subscribe/preferences")) ?? "";
    const session = await formSession(app, localPath(link));
    expect(session.body).toContain("grace@example.org");
    const token = new URL(link).searchParams.get("token") ?? "";
    const form = {
      _csrf: session.csrf,
      token,
      cadence: "weekly",
      paper_count: "7",
      follows: "trending\ncat:cs.LG\nlarge language models",
    };
    const saved = await post(app, "/subscribe/preferences", session, form);
    expect(saved.statusCode).toBe(200);
    const subscription = await findSubscriptionByEmail(services.database, "grace@example.org");
    expect(subscription).toMatchObject({ cadence: "weekly", paperCount: 7 });
    expect(subscription?.follows).toHaveLength(3);
    const bad = await post(app, "/subscribe/preferences", session, {
      ...form,
      follows: "trending\ncat:I.2.7",
    });
    expect(bad.statusCode).toBe(400);
    const tampered = await app.inject(`/subscribe/preferences?token=${token.slice(0, -2)}xx`);
    expect(tampered.statusCode).toBe(400);
  });

  it("unsubscribes on one click (RFC 8058), with no cookie and no CSRF token", async () => {
    const digest = smtp.messages[1];
    const header = digest?.headerLines.find((h) => h.key === "list-unsubscribe")?.line ?? "";
    const url = /<([^>]+)>/.exec(header)?.[1] ?? "";
    const page = await app.inject(localPath(url));
    expect(page.body).toContain("Stop sending digests to grace@example.org?");
    const boundary = "----FormBoundary7MA4YWxkTrZu0gW";
    const response = await app.inject({
      method: "POST",
      url: localPath(url),
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`,
    });
    expect(response.statusCode).toBe(200);
    expect(
      (await findSubscriptionByEmail(services.database, "grace@example.org"))?.unsubscribedAt,
    ).not.toBeNull();
    const weekly = { cadence: "weekly" as const, period: weekOf(FIXTURE_DAYS[2]) };
    clock.set("2026-07-06T12:00:00Z");
    expect((await sendDigests({ ...services, baseUrl: BASE_URL }, weekly)).sent).toBe(0);
    expect(smtp.messages).toHaveLength(3);
  });

  it("does not let the old confirmation link undo the unsubscribe", async () => {
    clock.set("2026-07-01T15:00:00Z");
    const reopened = await app.inject(localPath(confirmLink));
    expect(reopened.statusCode).toBe(409);
    expect(reopened.body).toContain("was unsubscribed after this link was sent");
    const session = await formSession(app, "/subscribe");
    const token = new URL(confirmLink).searchParams.get("token") ?? "";
    const replayed = await post(app, "/subscribe/confirm", session, { token, _csrf: session.csrf });
    expect(replayed.statusCode).toBe(409);
    expect(
      (await findSubscriptionByEmail(services.database, "grace@example.org"))?.unsubscribedAt,
    ).not.toBeNull();
    // Subscribing again sends a new link, and that one works.
    await post(app, "/subscribe", session, { email: "grace@example.org", _csrf: session.csrf });
    const [, , , renewal] = await smtp.waitFor(4);
    const fresh = linksIn(renewal?.text ?? "").find((url) => url.includes("/subscribe/confirm")) ?? "";
    const page = await formSession(app, localPath(fresh));
    const freshToken = new URL(fresh).searchParams.get("token") ?? "";
    const confirmed = await post(app, "/subscribe/confirm", page, { token: freshToken, _csrf: page.csrf });
    expect(confirmed.statusCode).toBe(200);
    expect(
      (await findSubscriptionByEmail(services.database, "grace@example.org"))?.unsubscribedAt,
    ).toBeNull();
  });
});
