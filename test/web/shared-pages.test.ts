import { gunzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setNotInterested } from "../../src/community/not-interested.js";
import { setRead } from "../../src/community/reading.js";
import { setSaved } from "../../src/community/saves.js";
import { setUpvote } from "../../src/community/upvotes.js";
import type { Account } from "../../src/core/account.js";
import { fixedClock } from "../../src/core/clock.js";
import { subscribeAccount } from "../../src/digests/account-digest.js";
import { buildApp } from "../../src/web/app.js";
import { signedInClient } from "../helpers/accounts.js";
import { loadListingFixture } from "../helpers/api.js";
import { BACKENDS } from "../helpers/backends.js";
import type { FormClient } from "../helpers/form-client.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const DAY = "/papers/date/2026-06-30";

/** Whether the button of a form (upvote, save, read) is pressed, by paper, as a page shows it. */
function pressed(html: string, action: string): Map<string, boolean> {
  const buttons = new Map<string, boolean>();
  const form = new RegExp(
    `action="${action}"[^>]*>(?:(?!</form>)[\\s\\S])*?name="paper" value="([^"]+)"(?:(?!</form>)[\\s\\S])*?aria-pressed="(true|false)"`,
    "g",
  );
  for (const match of html.matchAll(form)) buttons.set(match[1] ?? "", match[2] === "true");
  return buttons;
}

const cardIds = (html: string) => [
  ...html.matchAll(/<article class="paper-card"[^>]* data-paper="([^"]+)"/g),
];
const withoutTokens = (html: string) => html.replace(/name="_csrf" value="[^"]+"/g, 'name="_csrf" value=""');

interface Reader {
  readonly client: FormClient;
  readonly account: Account;
}

// Signed-in readers get list pages rendered once for all of them, with their own marks put in (overlay.ts).
describe.each(BACKENDS)("list pages shared by signed-in readers (%s)", (backend) => {
  let instance: TestInstance;
  let app: FastifyInstance;
  let papers: string[];
  let ada: Reader;
  let bob: Reader;

  /**
   * A page as the reader's browser gets it, compressed or not; the two must be the same page. The second request
   * of an address in one page version is answered from the shared page, always in gzip; a page rendered for one
   * reader alone would be brotli, so the encoding says which answered.
   */
  const page = async (reader: Reader, url = DAY) => {
    const plain = await reader.client.get(url);
    const zipped = await reader.client.get(url, { "accept-encoding": "gzip, deflate, br" });
    expect(plain.statusCode).toBe(200);
    expect(zipped.headers["content-encoding"], "answered from the shared page").toBe("gzip");
    const unzipped = gunzipSync(zipped.rawPayload).toString();
    expect(withoutTokens(unzipped)).toBe(withoutTokens(plain.body));
    return unzipped;
  };

  beforeAll(async () => {
    // The page version holds today's listing day and trending's ten-minute period: a clock that stands still
    // keeps the two requests of `page` in one version, whenever the test runs.
    instance = await createTestInstance({ backend, clock: fixedClock("2026-07-01T12:00:00Z") });
    await loadListingFixture(instance.services);
    app = await buildApp(instance.services);
    ada = await signedInClient(app, instance.services, "ada@example.org");
    bob = await signedInClient(app, instance.services, "bob@example.org");
    papers = cardIds((await app.inject(DAY)).body).map((match) => match[1] ?? "");
    const [first = "", second = "", third = "", fourth = "", fifth = ""] = papers.slice(5);
    const { services } = instance;
    await setUpvote(services, ada.account, first, true);
    await setSaved(services, ada.account, second, true);
    await setRead(services, ada.account, third, true);
    await setNotInterested(services, ada.account, fourth, true);
    // Marks far apart and side by side: the compressed pieces after each are the reader's own.
    await setUpvote(services, ada.account, papers[40] ?? "", true);
    await setNotInterested(services, ada.account, papers[41] ?? "", true);
    await setSaved(services, bob.account, fifth, true);
  });
  afterAll(async () => {
    await app.close();
    await instance.dispose();
  });

  it("shows each reader their own marks and never another's, however often the shared page is used", async () => {
    const [first = "", second = "", third = "", fourth = "", fifth = ""] = papers.slice(5);
    const anonymous = (await app.inject(DAY)).body;
    expect(anonymous).not.toContain('name="_csrf"');
    // The votes reordered the day: everyone sees the same order, less what they are not interested in.
    const order = cardIds(anonymous).map((match) => match[1]);
    for (let round = 0; round < 2; round += 1) {
      const adaPage = await page(ada);
      const bobPage = await page(bob);
      expect(new Set([...pressed(adaPage, "/upvote")].filter(([, on]) => on).map(([id]) => id))).toEqual(
        new Set([first, papers[40]]),
      );
      expect([...pressed(adaPage, "/save")].filter(([, on]) => on)).toEqual([[second, true]]);
      expect([...pressed(adaPage, "/read")].filter(([, on]) => on)).toEqual([[third, true]]);
      expect(cardIds(adaPage).map((match) => match[1])).toEqual(
        order.filter((id) => id !== fourth && id !== papers[41]),
      );
      expect([...pressed(bobPage, "/upvote")].filter(([, on]) => on)).toEqual([]);
      expect([...pressed(bobPage, "/save")].filter(([, on]) => on)).toEqual([[fifth, true]]);
      expect(cardIds(bobPage).map((match) => match[1])).toEqual(order);
      // The vote shows in everyone's count; the account menu names each reader.
      expect(bobPage).toMatch(new RegExp(`value="${first}"[\\s\\S]*?upvote-count">1 upvote<`));
      expect(adaPage).toContain(`<a href="/settings">${ada.account.handle}</a>`);
      expect(bobPage).toContain(`<a href="/settings">${bob.account.handle}</a>`);
      expect(bobPage.includes(`/settings">${ada.account.handle}<`)).toBe(false);
    }
  });

  it("gives each reader their own form token, which works for them and for no one else", async () => {
    const adaPage = await page(ada);
    const bobPage = await page(bob);
    const tokens = (html: string) =>
      new Set([...html.matchAll(/name="_csrf" value="([^"]+)"/g)].map((m) => m[1]));
    const [adaToken = ""] = tokens(adaPage);
    expect(tokens(adaPage).size).toBe(1);
    expect(tokens(bobPage).has(adaToken)).toBe(false);
    const paper = papers[0] ?? "";
    const forged = await bob.client.post("/upvote", { paper, on: "1", back: DAY, _csrf: adaToken });
    expect(forged.statusCode).toBe(403);
    expect(await ada.client.post("/upvote", { paper, on: "1", back: DAY, _csrf: adaToken })).toMatchObject({
      statusCode: 303,
    });
    expect(pressed(await page(ada), "/upvote").get(paper)).toBe(true);
    expect(pressed(await page(bob), "/upvote").get(paper)).toBe(false);
  });

  it("shares a page among readers who get the digests apart from those who are offered them", async () => {
    const carol = await signedInClient(app, instance.services, "carol@example.org");
    await subscribeAccount(instance.services, carol.account);
    const month = "/papers/month/2026-06";
    // Carol's page is made first and shared from her second request on; Bob must still get the offer.
    for (let round = 0; round < 2; round += 1)
      expect(await page(carol, month)).not.toContain("subscribe-cta");
    expect(await page(bob, month)).toContain('class="subscribe-cta"');
    expect(await page(carol, month)).not.toContain("subscribe-cta");
  });

  it("shares the compact view too, each reader's marks on their rows and their hidden papers left out", async () => {
    const [first = "", second = "", , fourth = "", fifth = ""] = papers.slice(5);
    const compact = `${DAY}?view=compact`;
    const rowIds = (html: string) =>
      [...html.matchAll(/<article class="triage-row"[^>]* data-paper="([^"]+)"/g)].map((match) => match[1]);
    const order = rowIds((await app.inject(compact)).body);
    // The same papers in the same order as the full view, which the votes reordered.
    expect(order).toEqual(cardIds((await app.inject(DAY)).body).map((match) => match[1]));
    for (let round = 0; round < 2; round += 1) {
      const adaPage = await page(ada, compact);
      const bobPage = await page(bob, compact);
      expect(rowIds(adaPage)).toEqual(order.filter((id) => id !== fourth && id !== papers[41]));
      expect(rowIds(bobPage)).toEqual(order);
      // The same pressed buttons as in the full view (where the tests above put them).
      const upvoted = (html: string) =>
        [...pressed(html, "/upvote")].filter(([, on]) => on).map(([id]) => id);
      expect(new Set(upvoted(adaPage))).toEqual(new Set(upvoted(await page(ada))));
      expect(upvoted(adaPage)).toEqual(expect.arrayContaining([first, papers[40]]));
      expect([...pressed(adaPage, "/save")].filter(([, on]) => on)).toEqual([[second, true]]);
      expect([...pressed(bobPage, "/save")].filter(([, on]) => on)).toEqual([[fifth, true]]);
      expect(adaPage).toContain(`<a href="/settings">${ada.account.handle}</a>`);
      expect(adaPage).toContain('<a href="/papers/date/2026-06-30">Full abstracts</a>');
      expect(adaPage).not.toContain('class="paper-card"');
    }
  });

  it("shares week, month, category and trending lists too, and renders a page filtered by the reader alone", async () => {
    for (const url of [
      "/papers/week/2026-W27",
      "/papers/month/2026-06",
      "/papers/category/cs.AI",
      "/papers/trending",
    ]) {
      const adaPage = await page(ada, url);
      expect(adaPage).toContain(`<a href="/settings">${ada.account.handle}</a>`);
      expect(adaPage).not.toContain(`data-paper="${papers[8]}"`);
    }
    const hidden = (await ada.client.get(`${DAY}?hide=read`)).body;
    expect(hidden).toContain("1 read paper hidden");
    expect(hidden).not.toContain(`data-paper="${papers[7]}"`);
  });
});
