import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { monthOf, weekOf } from "../../src/core/periods.js";
import { subscribeAccount } from "../../src/digests/account-digest.js";
import { buildApp } from "../../src/web/app.js";
import { signedInClient } from "../helpers/accounts.js";
import { addPapers } from "../helpers/api.js";
import { BACKENDS } from "../helpers/backends.js";
import { paperRecord } from "../helpers/papers.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const CTA = "Get trending papers in your email inbox!";
const DAYS = ["2026-06-24", "2026-06-26", "2026-06-30", "2026-07-01"] as const;

/** The tab links of a page's Daily / Weekly / Monthly bar, by label, and which one is current. */
function tabs(body: string) {
  const bar = body.match(/<nav class="period-tabs"[^>]*>(.*?)<\/nav>/s)?.[1] ?? "";
  const links = [...bar.matchAll(/<a href="([^"]+)"( aria-current="page")?>(\w+)<\/a>/g)];
  return {
    hrefs: Object.fromEntries(links.map((m) => [m[3], m[1]])),
    current: links.filter((m) => m[2]).map((m) => m[3]),
  };
}

describe.each(BACKENDS)("finding things (%s)", (backend) => {
  let instance: TestInstance;
  let app: FastifyInstance;
  let days: string[];

  beforeAll(async () => {
    instance = await createTestInstance({ backend, env: { SMTP_URL: "smtp://127.0.0.1:1" } });
    // Days in two ISO weeks and two months: 2026-06-24 and -26 (W26, June), 2026-06-30 and 2026-07-01 (W27).
    for (const [index, day] of DAYS.entries()) {
      const title = `A game of chance number ${index}`;
      await addPapers(instance.services, [paperRecord(`2606.0090${index}`, { title })], day);
    }
    days = [...DAYS];
    app = await buildApp(instance.services);
  });
  afterAll(async () => {
    await app.close();
    await instance.dispose();
  });

  it("links a day to its week and month through the tabs, and back to the week's last day with papers", async () => {
    const day = days[0] ?? "";
    const week = weekOf(day);
    const dayPage = tabs((await app.inject(`/papers/date/${day}`)).body);
    expect(dayPage.current).toEqual(["Daily"]);
    expect(dayPage.hrefs).toEqual({
      Daily: `/papers/date/${day}`,
      Weekly: `/papers/week/${week.key}`,
      Monthly: `/papers/month/${monthOf(day).key}`,
    });
    const weekPage = tabs((await app.inject(`/papers/week/${week.key}`)).body);
    expect(weekPage.current).toEqual(["Weekly"]);
    const lastInWeek = days.filter((d) => d >= week.first && d <= week.last).at(-1);
    expect(weekPage.hrefs.Daily).toBe(`/papers/date/${lastInWeek}`);
    const month = monthOf(day);
    const monthPage = tabs((await app.inject(`/papers/month/${month.key}`)).body);
    expect(monthPage.current).toEqual(["Monthly"]);
    const lastInMonth = days.filter((d) => d >= month.first && d <= month.last).at(-1);
    expect(monthPage.hrefs.Weekly).toBe(`/papers/week/${weekOf(lastInMonth ?? "").key}`);
  });

  it("links weeks and months to the nearest ones with papers, never past the newest or before the oldest", async () => {
    // Where a page's Previous and Next lead, as the day page's: the nearest period with papers, or no link.
    const neighbours = async (url: string) => {
      const nav = (await app.inject(url)).body.match(/<nav class="day-nav"[^>]*>(.*?)<\/nav>/s)?.[1] ?? "";
      const link = (rel: string) => new RegExp(`rel="${rel}" href="([^"]+)"`).exec(nav)?.[1] ?? null;
      return { previous: link("prev"), next: link("next") };
    };
    expect(await neighbours("/papers/week/2026-W27")).toEqual({
      previous: "/papers/week/2026-W26",
      next: null,
    });
    expect(await neighbours("/papers/week/2026-W26")).toEqual({
      previous: null,
      next: "/papers/week/2026-W27",
    });
    expect(await neighbours("/papers/month/2026-07")).toEqual({
      previous: "/papers/month/2026-06",
      next: null,
    });
    expect(await neighbours("/papers/month/2026-06")).toEqual({
      previous: null,
      next: "/papers/month/2026-07",
    });
    // Empty periods between and around are skipped over.
    expect(await neighbours("/papers/week/2001-W02")).toEqual({
      previous: null,
      next: "/papers/week/2026-W26",
    });
    expect(await neighbours("/papers/month/2030-01")).toEqual({
      previous: "/papers/month/2026-07",
      next: null,
    });
  });

  it("gives an empty week tabs that stay in that week", async () => {
    const page = tabs((await app.inject("/papers/week/2001-W02")).body);
    expect(page.hrefs.Daily).toBe("/papers/date/2001-01-08");
  });

  it("links the about page and the API documentation from every page's footer", async () => {
    for (const url of ["/papers", "/search", "/login"]) {
      const footer = (await app.inject(url)).body.match(/<footer.*<\/footer>/s)?.[0] ?? "";
      expect(footer, url).toContain('href="/about"');
      expect(footer, url).toContain('href="/docs/api"');
    }
    expect((await app.inject("/docs/api")).statusCode).toBe(200);
  });

  it("leaves out the call to subscribe for a reader who already gets the digests, and only for them", async () => {
    const url = `/papers/date/${days[0]}`;
    expect((await app.inject(url)).body).toContain(CTA);
    const { client, account } = await signedInClient(app, instance.services, "reader@example.org");
    expect((await client.get(url)).body).toContain(CTA);
    await subscribeAccount(instance.services, account);
    expect((await client.get(url)).body).not.toContain(CTA);
    expect((await client.get("/papers/trending")).body).not.toContain(CTA);
    expect((await app.inject(url)).body).toContain(CTA);
  });

  it("links a search's RSS, Atom and JSON feeds in the head and on the page", async () => {
    const body = (await app.inject("/search?q=game&mode=keyword")).body;
    const query = "?q=game&amp;mode=keyword";
    for (const extension of ["rss", "atom", "json"]) {
      expect(body).toMatch(
        new RegExp(`<link rel="alternate" [^>]*href="/feeds/search\\.${extension}\\${query}"`),
      );
      expect(body).toMatch(new RegExp(`<a href="/feeds/search\\.${extension}\\${query}"`));
    }
    const feed = await app.inject("/feeds/search.rss?q=game&mode=keyword");
    expect(feed.statusCode).toBe(200);
    expect(feed.body).toContain("<item>");
    expect((await app.inject("/search")).body).not.toContain('rel="alternate"');
  });
});
