import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/core/clock.js";
import { importFiles } from "../../src/ingestion/import-files.js";
import { buildApp } from "../../src/web/app.js";
import { signedInClient } from "../helpers/accounts.js";
import { BACKENDS } from "../helpers/backends.js";
import { fixture } from "../helpers/fixtures.js";
import type { FormClient } from "../helpers/form-client.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const DAY = "2026-06-30";
const dayRecords = readFileSync(fixture("listing-small.jsonl"), "utf8")
  .trim()
  .split("\n")
  .map(
    (line) => JSON.parse(line) as { id: string; listed_on: string; categories: string[]; authors: string[] },
  )
  .filter((record) => record.listed_on === DAY);
const idsIn = (html: string) =>
  [...html.matchAll(/<article class="triage-row[^"]*" id="paper-([^"]+)"/g)].map((m) => m[1]);

describe.each(BACKENDS)("the triage view of a day's new papers (%s)", (backend) => {
  let instance: TestInstance;
  let app: FastifyInstance;
  let ada: FormClient;
  let adaId: number;
  let bob: FormClient;

  beforeAll(async () => {
    instance = await createTestInstance({ backend, clock: fixedClock("2026-12-03T15:00:00Z") });
    await importFiles(instance.services.database, [fixture("listing-small.jsonl")], { format: "listing" });
    app = await buildApp(instance.services);
    const signedIn = await signedInClient(app, instance.services, "ada@example.org");
    ada = signedIn.client;
    adaId = signedIn.account.id;
    bob = (await signedInClient(app, instance.services, "bob@example.org")).client;
  });
  afterAll(async () => {
    await app.close();
    await instance.dispose();
  });

  it("shows the newest day's new papers on the front page while nothing is featured, and says why", async () => {
    const front = await app.inject("/papers");
    expect(front.statusCode).toBe(200);
    expect(front.body).toContain("Nobody has featured a paper here yet");
    expect(idsIn(front.body)).toHaveLength(60);
    const newest = await app.inject("/papers/new");
    expect(newest.statusCode).toBe(302);
    expect(newest.headers.location).toBe(`/papers/new/${DAY}`);
    expect((await app.inject("/api/daily_papers")).json()).toEqual([]);
  });

  it("lists every new paper of the day in arXiv order, as compact rows with counts per category", async () => {
    const page = await app.inject(`/papers/new/${DAY}`);
    expect(page.statusCode).toBe(200);
    const ids = dayRecords.map((r) => r.id).sort();
    expect(idsIn(page.body)).toEqual(ids);
    expect(page.body).toContain("60 papers arXiv announced");
    const inAi = dayRecords.filter((r) => r.categories.includes("cs.AI")).length;
    expect(page.body).toContain(`cs.AI <span class="count">${inAi}</span>`);
    // The abstract's start opens in place, and the rest of it is on the page already.
    expect(page.body).toContain('<details class="triage-abstract"><summary>');
    expect(page.body).toContain('<a rel="prev" href="/papers/new/2026-06-29">');
    const filtered = await app.inject(`/papers/new/${DAY}?category=cs.AI`);
    expect(idsIn(filtered.body)).toEqual(
      dayRecords
        .filter((r) => r.categories.includes("cs.AI"))
        .map((r) => r.id)
        .sort(),
    );
    expect((await app.inject(`/papers/new/${DAY}?category=not%20one`)).statusCode).toBe(400);
    expect((await app.inject("/papers/new/2026-02-30")).statusCode).toBe(400);
  });

  it("hides what a reader is not interested in and, when asked, what they read, from them alone", async () => {
    const [first, second] = dayRecords.map((r) => r.id).sort();
    await ada.get(`/papers/new/${DAY}`);
    const hidden = await ada.post(
      "/not-interested",
      { paper: first ?? "", on: "1" },
      { headers: { accept: "application/json" } },
    );
    expect(hidden.json()).toEqual({ paperId: first, notInterested: true });
    await instance.services.database.kysely
      .insertInto("reader_marks")
      .values({ account_id: adaId, paper_id: second ?? "", kind: "read", created_at: "2026-12-03T15:00:00Z" })
      .execute();
    const adas = idsIn((await ada.get(`/papers/new/${DAY}`)).body);
    expect(adas).not.toContain(first);
    expect(adas).toContain(second);
    expect(adas).toHaveLength(59);
    const unseen = (await ada.get(`/papers/new/${DAY}?unseen=1`)).body;
    expect(idsIn(unseen)).toHaveLength(58);
    expect(idsIn(unseen)).not.toContain(second);
    expect(idsIn((await bob.get(`/papers/new/${DAY}`)).body)).toContain(first);
  });

  it("answers an upvote from the view with JSON for scripts, and the upvote features the paper on its day", async () => {
    const paper = dayRecords.map((r) => r.id).sort()[5] ?? "";
    await bob.get(`/papers/new/${DAY}`);
    const upvoted = await bob.post(
      "/upvote",
      { paper, on: "1", back: `/papers/new/${DAY}` },
      { headers: { accept: "application/json" } },
    );
    expect(upvoted.statusCode).toBe(200);
    expect(upvoted.headers["cache-control"]).toBe("no-store");
    expect(upvoted.json()).toEqual({ paperId: paper, upvoted: true, upvotes: 1 });
    const plain = await bob.post("/upvote", { paper, on: "1", back: `/papers/new/${DAY}?category=cs.AI` });
    expect(plain.headers.location).toBe(`/papers/new/${DAY}?category=cs.AI#paper-${paper}`);
    const front = await app.inject("/papers");
    expect(front.body).toContain("Daily Papers");
    expect(front.body).toContain(`/papers/${paper}`);
    expect(
      (await app.inject("/api/daily_papers")).json().map((e: { paper: { id: string } }) => e.paper.id),
    ).toEqual([paper]);
    const trending = await app.inject("/papers/trending");
    expect(trending.body).toContain(`/papers/${paper}`);
    expect(trending.body).toContain("trending is counted as it stood at the end of");
  });

  it("sorts a signed-in reader's day For you, with its reasons, and says so", async () => {
    const carol = (await signedInClient(app, instance.services, "carol@example.org")).client;
    const arxivOrder = dayRecords.map((r) => r.id).sort();
    const categoriesOf = new Map(dayRecords.map((r) => [r.id, r.categories]));
    // A category of the day's last paper in arXiv order that its first paper is not in: following it must reorder.
    const first = categoriesOf.get(arxivOrder[0] ?? "") ?? [];
    const followed = (categoriesOf.get(arxivOrder.at(-1) ?? "") ?? []).find((c) => !first.includes(c)) ?? "";
    expect(followed).not.toBe("");
    await carol.get(`/papers/new/${DAY}`);
    await carol.post(
      "/follow",
      { kind: "category", value: followed, on: "1" },
      { headers: { accept: "application/json" } },
    );
    const page = await carol.get(`/papers/new/${DAY}`);
    const ids = idsIn(page.body);
    const inFollowed = arxivOrder.filter((id) => categoriesOf.get(id)?.includes(followed));
    expect(new Set(ids.slice(0, inFollowed.length))).toEqual(new Set(inFollowed));
    expect([...ids].sort()).toEqual(arxivOrder);
    expect(page.body).toContain('sorted <a href="/papers/for-you">For you</a>');
    expect(page.body).toContain(`you follow ${followed}`);
    // Someone not signed in still gets arXiv order, without reasons.
    const anonymous = await app.inject(`/papers/new/${DAY}`);
    expect(idsIn(anonymous.body)).toEqual(arxivOrder);
    expect(anonymous.body).toContain("in arXiv order");
    expect(anonymous.body).not.toContain("you follow");
  });

  it("gives an author's papers under every spelling of the name, and a follow that keeps its place", async () => {
    const author = dayRecords[0]?.authors[0] ?? "";
    const page = await ada.get(`/authors/${encodeURIComponent(author.toUpperCase())}`);
    expect(page.statusCode).toBe(200);
    expect(idsIn(page.body)).toContain(dayRecords[0]?.id);
    expect(page.body).toContain(`Written as ${author}`);
    const followed = await ada.post(
      "/follow",
      { kind: "author", value: author, on: "1" },
      { headers: { accept: "application/json" } },
    );
    expect(followed.json()).toMatchObject({ kind: "author", following: true });
    expect((await ada.get(`/authors/${encodeURIComponent(author)}`)).body).toContain(
      'aria-pressed="true" data-action="follow"',
    );
    expect((await app.inject("/authors/Nobody%20Here")).statusCode).toBe(404);
  });

  it("publishes the day's new papers as a feed, and dates an empty feed today instead of 1970", async () => {
    const feed = await app.inject(`/feeds/new/${DAY}.rss`);
    expect(feed.statusCode).toBe(200);
    expect(feed.body.match(/<item>/g)).toHaveLength(60);
    const empty = await app.inject("/feeds/day/2026-01-05.rss");
    expect(empty.body).toContain("<lastBuildDate>Thu, 03 Dec 2026 00:00:00 GMT</lastBuildDate>");
  });
});
