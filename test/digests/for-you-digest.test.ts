import type { FastifyInstance } from "fastify";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { followSomething } from "../../src/community/reader-follows.js";
import { setUpvote } from "../../src/community/upvotes.js";
import type { Account } from "../../src/core/account.js";
import { fixedClock } from "../../src/core/clock.js";
import { parseFollows } from "../../src/core/follows.js";
import { dayPeriod, weekOf } from "../../src/core/periods.js";
import { forYouMatches } from "../../src/digests/for-you-follow.js";
import { personalFeedPath } from "../../src/digests/links.js";
import { sendDigests } from "../../src/digests/send.js";
import type { Services } from "../../src/services.js";
import { papersOfDays } from "../../src/storage/for-you-papers.js";
import {
  findSubscriptionByEmail,
  type Subscription,
  updateSettings,
} from "../../src/storage/subscriptions.js";
import { signedInClient } from "../helpers/accounts.js";
import { BACKENDS } from "../helpers/backends.js";
import type { SmtpCapture } from "../helpers/smtp.js";
import { addSubscriber, BASE_URL, type DigestSite, FIXTURE_DAYS, startDigestSite } from "./helpers.js";

const NOW = "2026-07-07T12:00:00.000Z";
const REASON = /which you upvoted|whom you follow|you follow cs\.|for you, from your signals/;

/** The numbered paper ids of a digest's text part, by section ("For you", "From what you follow", or ""). */
function sections(mail: ParsedMail): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let section = "";
  for (const line of String(mail.text).split("\n")) {
    if (line === "For you" || line === "From what you follow") section = line;
    const id = /^ {3}Read: \S+\/papers\/(\S+)$/.exec(line)?.[1];
    if (id) out.set(section, [...(out.get(section) ?? []), id]);
  }
  return out;
}

describe.each(BACKENDS)("the digest follow for-you (%s)", (backend) => {
  let site: DigestSite;
  let services: Services;
  let smtp: SmtpCapture;
  let app: FastifyInstance;
  let ada: Account;
  let subscription: Subscription;
  const [first, second, third] = FIXTURE_DAYS;

  beforeAll(async () => {
    site = await startDigestSite(fixedClock(NOW), backend);
    ({ services, smtp, app } = site);
    const signedIn = await signedInClient(app, services, "ada@example.org");
    ada = signedIn.account;
    await signedIn.client.get("/settings");
    await signedIn.client.post("/settings/digest", {});
    const found = await findSubscriptionByEmail(services.database, "ada@example.org");
    if (!found) throw new Error("the account's subscription was not made");
    const settings = {
      cadence: "daily",
      paperCount: 6,
      follows: parseFollows(["for-you", "trending"]),
    } as const;
    await updateSettings(services.database, found.id, settings, NOW);
    subscription = { ...found, ...settings };
    // Ada reads information theory: three upvotes on the earlier days, and a followed category.
    const earlier = await papersOfDays(services.database, first, second);
    const summaries = await services.database.kysely
      .selectFrom("paper_categories")
      .select("paper_id")
      .where("category", "=", "cs.IT")
      .where("paper_id", "in", earlier)
      .orderBy("paper_id")
      .limit(3)
      .execute();
    for (const row of summaries) await setUpvote(services, ada, row.paper_id, true);
    await followSomething(services, ada, { kind: "category", value: "cs.GT" });
  });
  afterAll(() => site.close());

  it("mails the reader's top papers of the day in their own first section, each with its reasons", async () => {
    const top = await forYouMatches(
      services.database,
      services.forYou,
      dayPeriod(third),
      { accountId: ada.id, subscriptionId: null },
      3,
    );
    const report = await sendDigests(
      { ...services, baseUrl: BASE_URL },
      { cadence: "daily", period: dayPeriod(third) },
    );
    expect(report.sent).toBe(1);
    const [mail] = await smtp.waitFor(1);
    if (!mail) throw new Error("no digest arrived");
    const parts = sections(mail);
    expect([...parts.keys()]).toEqual(["For you", "From what you follow"]);
    expect(parts.get("For you")).toEqual(top.ids);
    expect(parts.get("From what you follow")).toHaveLength(3);
    for (const id of top.ids) {
      const reason = top.reasons.get(id) ?? "";
      expect(reason).toMatch(REASON);
      expect(String(mail.text)).toContain(`(${reason})`);
    }
    expect(String(mail.html)).toMatch(/<h2[^>]*>For you<\/h2>/);
  });

  it("never sends a paper again: a weekly digest over the same days skips what the daily one sent", async () => {
    const sent = new Set((await smtp.waitFor(1)).flatMap((mail) => [...sections(mail).values()].flat()));
    const weekly = { cadence: "weekly", paperCount: 6, follows: subscription.follows } as const;
    await updateSettings(services.database, subscription.id, weekly, NOW);
    const report = await sendDigests(
      { ...services, baseUrl: BASE_URL },
      { cadence: "weekly", period: weekOf(third) },
    );
    expect(report.sent).toBe(1);
    const mail = (await smtp.waitFor(2))[1];
    if (!mail) throw new Error("no weekly digest arrived");
    const forYou = sections(mail).get("For you") ?? [];
    expect(forYou.length).toBe(3);
    expect(forYou.filter((id) => sent.has(id))).toEqual([]);
    const week = await forYouMatches(
      services.database,
      services.forYou,
      weekOf(third),
      { accountId: ada.id, subscriptionId: null },
      100,
    );
    expect(forYou).toEqual(week.ids.filter((id) => !sent.has(id)).slice(0, 3));
  });

  it("has no For you without an account, and the personal feed carries the reader's For you", async () => {
    await addSubscriber(site.instance, "bob@example.org", { follows: ["for-you"] });
    const report = await sendDigests(
      { ...services, baseUrl: BASE_URL },
      { cadence: "daily", period: dayPeriod(second), to: "bob@example.org" },
    );
    expect(report.empty).toBe(1);
    const path = personalFeedPath(services.config.secretKey ?? "", subscription.id, subscription.feedKey);
    const feed = await app.inject({ url: `${path}.atom` });
    expect(feed.statusCode).toBe(200);
    const recent = await papersOfDays(services.database, first, third);
    const { picks } = await services.forYou.rank(ada.id, recent);
    const best = picks[0]?.paperId ?? "missing";
    expect(feed.body).toContain(`/papers/${best}`);
  });
});
