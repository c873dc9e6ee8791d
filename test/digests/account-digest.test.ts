import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/core/clock.js";
import { dayPeriod } from "../../src/core/periods.js";
import { sendDigests } from "../../src/digests/send.js";
import type { Services } from "../../src/services.js";
import {
  findSubscriptionByEmail,
  markUnsubscribed,
  updateSettings,
} from "../../src/storage/subscriptions.js";
import { signedInClient } from "../helpers/accounts.js";
import { BACKENDS } from "../helpers/backends.js";
import type { TestInstance } from "../helpers/services.js";
import type { SmtpCapture } from "../helpers/smtp.js";
import { BASE_URL, type DigestSite, FIXTURE_DAYS, localPath, startDigestSite } from "./helpers.js";

describe.each(BACKENDS)("digests for a signed-in account, from its settings (%s)", (backend) => {
  const clock = fixedClock("2026-07-01T12:00:00Z");
  let instance: TestInstance;
  let services: Services;
  let smtp: SmtpCapture;
  let app: FastifyInstance;

  let site: DigestSite;

  beforeAll(async () => {
    site = await startDigestSite(clock, backend);
    ({ instance, services, smtp, app } = site);
  });
  afterAll(() => site.close());

  const digestRun = () =>
    sendDigests({ ...services, baseUrl: BASE_URL }, { cadence: "daily", period: dayPeriod(FIXTURE_DAYS[2]) });

  it("subscribes the account's address at once, without a confirmation mail, and digests reach it", async () => {
    const { client, account } = await signedInClient(app, services, "ada@example.org");
    const settings = await client.get("/settings");
    expect(settings.body).toContain("Email digests");
    expect(settings.body).toContain('action="/settings/digest"');

    const refused = await client.post("/settings/digest", {}, { csrf: false });
    expect(refused.statusCode).toBe(403);
    expect(await findSubscriptionByEmail(services.database, "ada@example.org")).toBeNull();

    const subscribed = await client.post("/settings/digest", {});
    expect(subscribed.statusCode).toBe(303);
    const preferences = String(subscribed.headers.location);
    expect(preferences).toMatch(/^http:\/\/paperboy\.test\/subscribe\/preferences\?token=/);
    expect((await client.get(localPath(preferences))).body).toContain("ada@example.org");

    const row = await instance.services.database.kysely
      .selectFrom("subscriptions")
      .select(["user_id", "confirmed_at"])
      .where("email", "=", "ada@example.org")
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ user_id: account.id, confirmed_at: "2026-07-01T12:00:00.000Z" });
    expect(smtp.messages).toHaveLength(0);

    expect((await digestRun()).sent).toBe(1);
    expect((await smtp.waitFor(1))[0]?.to).toMatchObject({ text: "ada@example.org" });
    const after = await client.get("/settings");
    expect(after.body).toContain("A daily digest of");
    expect(after.body).toContain("/unsubscribe?token=");
    expect(after.body).not.toContain('action="/settings/digest"');
  });

  it("takes over an address's earlier subscription, keeping its settings, instead of making a second", async () => {
    const { client } = await signedInClient(app, services, "grace@example.org");
    await client.get("/settings");
    await client.post("/settings/digest", {});
    const first = await findSubscriptionByEmail(services.database, "grace@example.org");
    if (!first) throw new Error("no subscription was made");
    const settings = { cadence: "weekly", paperCount: 3, follows: first.follows } as const;
    await updateSettings(services.database, first.id, settings, "2026-07-01T12:00:00.000Z");
    await markUnsubscribed(services.database, first.id, "2026-07-01T12:30:00.000Z");

    const page = await client.get("/settings");
    expect(page.body).toContain("Subscribe again");
    expect((await client.post("/settings/digest", {})).statusCode).toBe(303);
    const again = await findSubscriptionByEmail(services.database, "grace@example.org");
    expect(again).toMatchObject({ id: first.id, cadence: "weekly", paperCount: 3, unsubscribedAt: null });
    const count = await services.database.kysely
      .selectFrom("subscriptions")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("email", "=", "grace@example.org")
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it("sends a reader who is not signed in to the sign-in page rather than subscribing anyone", async () => {
    const response = await app.inject({ method: "POST", url: "/settings/digest" });
    expect([401, 403]).toContain(response.statusCode);
    const page = await app.inject("/settings");
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe("/login?next=%2Fsettings");
  });
});
