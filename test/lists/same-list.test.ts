import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "../../src/community/api-tokens.js";
import { addToCollection } from "../../src/community/collection-papers.js";
import { createCollection } from "../../src/community/collections.js";
import { setNotInterested } from "../../src/community/not-interested.js";
import { setUpvote } from "../../src/community/upvotes.js";
import { fixedClock } from "../../src/core/clock.js";
import { collectionPath } from "../../src/core/collection.js";
import { FOR_YOU_PAGE_SIZE } from "../../src/lists/for-you.js";
import { buildApp } from "../../src/web/app.js";
import { signedInClient } from "../helpers/accounts.js";
import { loadListingFixture, upvote } from "../helpers/api.js";
import { BACKENDS } from "../helpers/backends.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const BASE_URL = "http://paperboy.test";

/** The papers of a list page, in the order shown: cards and search results carry data-paper. */
function pageIds(html: string): string[] {
  const cards = [
    ...html.matchAll(/<article class="paper-card(?: search-result)?"[^>]* data-paper="([^"]+)"/g),
  ];
  return cards.map((match) => match[1] ?? "");
}

describe.each(BACKENDS)("one list for its page, its API and its feed (%s)", (backend) => {
  let instance: TestInstance;
  let app: FastifyInstance;

  const get = async (url: string) => {
    const response = await app.inject(url);
    expect(response.statusCode, url).toBe(200);
    return response.body;
  };
  const page = async (url: string) => pageIds(await get(url));
  const api = async (url: string) =>
    (JSON.parse(await get(url)) as { paper: { id: string } }[]).map((entry) => entry.paper.id);
  const feed = async (url: string) =>
    (JSON.parse(await get(url)) as { items: { id: string }[] }).items.map((item) =>
      item.id.replace(`${BASE_URL}/papers/`, ""),
    );

  /** The three answers agree on the papers and their order, over what each of them shows. */
  const expectSame = (answers: { page: string[]; api: string[]; feed?: string[] }) => {
    expect(answers.page.length).toBeGreaterThan(1);
    expect(answers.api).toEqual(answers.page);
    if (answers.feed) expect(answers.feed.slice(0, answers.page.length)).toEqual(answers.page);
  };

  beforeAll(async () => {
    instance = await createTestInstance({
      backend,
      clock: fixedClock("2026-06-30T16:00:00Z"),
      env: { BASE_URL },
    });
    await loadListingFixture(instance.services);
    // Votes that put papers out of their listing order, on every day and in two categories.
    for (const [paper, votes] of [
      ["2606.28729", 3],
      ["2606.26139", 5],
      ["2606.27531", 2],
      ["2606.27670", 1],
    ] as const)
      await upvote(instance.services, paper, votes);
    app = await buildApp(instance.services);
  });
  afterAll(async () => {
    await app.close();
    await instance.dispose();
  });

  it("day: the page, /api/daily_papers?date= and the day feed, page by page", async () => {
    const day = "2026-06-26";
    expectSame({
      page: await page(`/papers/date/${day}`),
      api: await api(`/api/daily_papers?date=${day}`),
      feed: await feed(`/feeds/day/${day}.json`),
    });
    expectSame({
      page: await page(`/papers/date/${day}?page=2`),
      api: await api(`/api/daily_papers?date=${day}&p=1`),
    });
    expect(await page("/papers")).toEqual(await feed("/feeds/papers.json").then((ids) => ids.slice(0, 50)));
  });

  it("week and month: each order of the page matches the API's, and the feed follows the page's default", async () => {
    for (const period of ["week=2026-W26", "month=2026-06"]) {
      const [kind, key] = period.split("=") as [string, string];
      const byVotes = await page(`/papers/${kind}/${key}`);
      expectSame({
        page: byVotes,
        api: await api(`/api/daily_papers?${period}&sort=trending`),
        feed: await feed(`/feeds/${kind}/${key}.json`),
      });
      expectSame({
        page: await page(`/papers/${kind}/${key}?sort=featured`),
        api: await api(`/api/daily_papers?${period}`),
      });
      expect(byVotes[0]).toBe("2606.26139");
    }
  });

  it("trending: the page, /api/trending and the trending feed", async () => {
    expectSame({
      page: await page("/papers/trending"),
      api: await api("/api/trending").then((ids) => ids),
      feed: await feed("/feeds/trending.json"),
    });
  });

  it("category: the category page, /api/categories/NAME/papers and the category feed, which links that page", async () => {
    expectSame({
      page: await page("/papers/category/cs.AI"),
      api: await api("/api/categories/cs.AI/papers"),
      feed: await feed("/feeds/category/cs.AI.json"),
    });
    const document = JSON.parse(await get("/feeds/category/cs.AI.json")) as { home_page_url: string };
    expect(document.home_page_url).toBe(`${BASE_URL}/papers/category/cs.AI`);
  });

  it("search: the search page, /api/papers/search and the search feed, which links that page", async () => {
    const terms = "q=game%20theory&mode=keyword";
    expectSame({
      page: await page(`/search?${terms}`),
      api: await api(`/api/papers/search?${terms}&limit=20`),
      feed: await feed(`/feeds/search.json?${terms}`),
    });
    expectSame({
      page: await page(`/search?${terms}&page=2`),
      api: await api(`/api/papers/search?${terms}&limit=20&offset=20`),
    });
    const document = JSON.parse(await get(`/feeds/search.json?${terms}`)) as { home_page_url: string };
    expect(document.home_page_url).toBe(`${BASE_URL}/search?${terms.replace("%20", "+")}`);
    expect(await get(document.home_page_url.replace(BASE_URL, ""))).toContain("paper-card search-result");
  });

  it("For you: the reader's page and /api/me/for-you give the same papers in the same order", async () => {
    const { services } = instance;
    const { client, account } = await signedInClient(app, services, "reader@example.org");
    // Signals that teach the model something: game theory up, the rest of a few days down.
    for (const paper of ["2606.28729", "2606.26139"]) await setUpvote(services, account, paper, true);
    await setNotInterested(services, account, "2606.27531", true);
    const { token } = await createApiToken(services, account, "same list");
    const span = "date=2026-06-30&days=3";
    const onPage = pageIds((await client.get(`/papers/for-you?${span}`)).body);
    const answer = await app.inject({
      url: `/api/me/for-you?${span}&limit=${FOR_YOU_PAGE_SIZE}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(answer.statusCode).toBe(200);
    expectSame({
      page: onPage,
      api: (JSON.parse(answer.body) as { paper: { id: string } }[]).map((e) => e.paper.id),
    });
  });

  it("collection: its page and /api/collections/ID in the collection's order, its feed newest first", async () => {
    const { services } = instance;
    const { account } = await signedInClient(app, services, "keeper@example.org");
    const collection = await createCollection(services, account, { name: "Games", visibility: "public" });
    const papers = ["2606.27670", "2606.28729", "2606.26139", "2606.27531"];
    for (const paper of papers) await addToCollection(services, account, collection.id, paper);
    const onPage = await page(collectionPath(collection));
    const api = JSON.parse(await get(`/api/collections/${collection.id}`)) as {
      papers: { paper: { id: string } }[];
    };
    expectSame({ page: onPage, api: api.papers.map((entry) => entry.paper.id) });
    expect(onPage).toEqual(papers);
    expect((await feed(`/feeds/collection/${collection.id}.json`)).sort()).toEqual([...papers].sort());
  });
});
