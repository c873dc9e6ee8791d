import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/core/clock.js";
import { buildApp } from "../../src/web/app.js";
import { signedInClient } from "../helpers/accounts.js";
import { BACKENDS } from "../helpers/backends.js";
import { fixture } from "../helpers/fixtures.js";
import type { FormClient } from "../helpers/form-client.js";
import { type ReplayServer, startReplayServer } from "../helpers/replay-server.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const CLASSIC = readFileSync(fixture("arxiv-export-api/idlist_1601.00001_2020-09-04.xml"));
const EMPTY = readFileSync(fixture("arxiv-export-api/search_empty_result.xml"));
const PAPER = "1601.00001"; // published 2015-12-26T21:19:45Z
// 2016-01-05 10:00 in New York: the paper is 9.5 days old, inside the default 14-day limit.
const START = Date.parse("2016-01-05T15:00:00Z");
const clock = fixedClock(new Date(START));

describe.each(BACKENDS)("community: submissions, upvotes, comments, curation (%s)", (backend) => {
  let arxiv: ReplayServer;
  let instance: TestInstance;
  let app: FastifyInstance;
  let ada: FormClient;
  let adaHandle: string;
  let adaName: string;
  let bob: FormClient;
  let cora: FormClient;

  beforeAll(async () => {
    arxiv = await startReplayServer((request) => ({
      headers: { "content-type": "application/atom+xml" },
      body: request.query.get("id_list") === PAPER ? CLASSIC : EMPTY,
    }));
    instance = await createTestInstance({
      backend,
      clock,
      env: { ARXIV_API_URL: `${arxiv.url}/api/query`, ARXIV_REQUEST_INTERVAL_MS: "0" },
    });
    app = await buildApp(instance.services);
    const signedIn = await signedInClient(app, instance.services, "ada@example.org");
    ada = signedIn.client;
    adaHandle = signedIn.account.handle;
    adaName = signedIn.account.displayName;
    bob = (await signedInClient(app, instance.services, "bob@example.org")).client;
    cora = (await signedInClient(app, instance.services, "cora@example.org", "curator")).client;
  });
  afterAll(async () => {
    await app.close();
    await instance.dispose();
    await arxiv.close();
  });
  let minute = 0;
  beforeEach(() => {
    minute += 20; // a fresh rate-limit window for every test
    clock.set(new Date(START + minute * 60_000));
  });

  it("submits an unknown paper by URL: fetched from arXiv, featured today with its submitter, once", async () => {
    await ada.get("/papers/submit");
    const response = await ada.post("/papers/submit", { paper: `https://arxiv.org/abs/${PAPER}v1` });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/papers/${PAPER}`);
    expect(arxiv.requests.at(-1)?.query.get("id_list")).toBe(PAPER);
    const page = await ada.get(`/papers/${PAPER}`);
    expect(page.body).toContain("Inelastic effects in molecular transport junctions");
    expect(page.body).toContain('href="/papers/date/2016-01-05"');
    // The submitter is named as comments name members: the display name, linking to the member page.
    const submitter = `<a href="/members/${adaHandle}" class="submitter-link">${adaName}</a>`;
    expect(adaName).not.toBe(adaHandle);
    expect(page.body).toContain(`submitted by ${submitter}`);
    expect(page.body).toMatch(new RegExp(`Featured on <a[^>]*><time[^>]*>[^<]+</time></a> by ${submitter}`));
    const again = await bob.post("/papers/submit", { paper: PAPER }, { csrf: false });
    expect(again.statusCode).toBe(403);
    expect((await bob.post("/papers/no-such-form", { paper: PAPER }, { csrf: false })).statusCode).toBe(404);
    await bob.get("/papers/submit");
    const twice = await bob.post("/papers/submit", { paper: PAPER });
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain("already featured, on 2016-01-05");
  });

  it("refuses ids arXiv does not know and anonymous submissions", async () => {
    await ada.get("/papers/submit");
    const unknown = await ada.post("/papers/submit", { paper: "1601.99999" });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain("arXiv has no paper 1601.99999");
    expect((await app.inject("/papers/submit")).statusCode).toBe(303);
  });

  it("counts one upvote per account: a second upvote changes nothing; un-upvoting removes it", async () => {
    await ada.get(`/papers/${PAPER}`);
    for (let i = 0; i < 2; i += 1) {
      expect(
        (await ada.post("/upvote", { paper: PAPER, on: "1", back: `/papers/${PAPER}` })).statusCode,
      ).toBe(303);
    }
    const rows = await instance.services.database.kysely.selectFrom("upvotes").selectAll().execute();
    expect(rows).toHaveLength(1);
    const page = await ada.get(`/papers/${PAPER}`);
    expect(page.body).toContain("1 upvote<");
    expect(page.body).toContain('aria-pressed="true"');
    expect(page.body).toContain("#1 Paper of the day");
    await bob.get(`/papers/${PAPER}`);
    await bob.post("/upvote", { paper: PAPER, on: "1" });
    expect((await bob.get(`/papers/${PAPER}`)).body).toContain("2 upvotes");
    await bob.post("/upvote", { paper: PAPER, on: "0" });
    expect((await bob.get("/papers/date/2016-01-05")).body).toContain("1 upvote<");
  });

  it("renders comments as safe Markdown: no script, links nofollow ugc", async () => {
    await ada.get(`/papers/${PAPER}`);
    const body =
      'Great *result*. <script>alert("x")</script> [code](https://github.com/x/y) [bad](javascript:alert(1))';
    const posted = await ada.post("/comments", { paper: PAPER, body });
    expect(posted.statusCode).toBe(303);
    const page = await bob.get(`/papers/${PAPER}`);
    expect(page.body).toContain("<em>result</em>");
    expect(page.body).not.toContain("<script>alert");
    expect(page.body).toContain("&lt;script&gt;alert");
    expect(page.body).toContain('<a href="https://github.com/x/y" rel="nofollow ugc noopener">code</a>');
    expect(page.body).not.toContain('href="javascript:');
    expect((await bob.get("/papers/date/2016-01-05")).body).toContain("1 comment<");
  });

  it("keeps replies one level deep, lets authors edit and delete, and only them", async () => {
    await ada.get(`/papers/${PAPER}`);
    const first = await ada.post("/comments", { paper: PAPER, body: "Top-level" });
    const topId = Number(/comment-(\d+)/.exec(String(first.headers.location))?.[1]);
    await bob.get(`/papers/${PAPER}`);
    const reply = await bob.post("/comments", { paper: PAPER, body: "A reply", parent: String(topId) });
    const replyId = Number(/comment-(\d+)/.exec(String(reply.headers.location))?.[1]);
    const nested = await ada.post("/comments", {
      paper: PAPER,
      body: "Reply to reply",
      parent: String(replyId),
    });
    const nestedId = Number(/comment-(\d+)/.exec(String(nested.headers.location))?.[1]);
    const rows = await instance.services.database.kysely
      .selectFrom("comments")
      .select(["id", "parent_id"])
      .execute();
    expect(rows.find((r) => r.id === nestedId)?.parent_id).toBe(topId);

    expect((await bob.get(`/comments/${topId}/edit`)).statusCode).toBe(403);
    expect((await bob.post(`/comments/${topId}/edit`, { body: "hijack" })).statusCode).toBe(403);
    await ada.get(`/comments/${topId}/edit`);
    expect((await ada.post(`/comments/${topId}/edit`, { body: "Top-level, edited" })).statusCode).toBe(303);
    expect((await bob.get(`/papers/${PAPER}`)).body).toContain("Top-level, edited");
    await ada.post(`/comments/${nestedId}/delete`, {});
    expect((await bob.get(`/papers/${PAPER}`)).body).not.toContain("Reply to reply");
  });

  it("lets curators hide and restore comments, logs it, and refuses members", async () => {
    await bob.get(`/papers/${PAPER}`);
    const posted = await bob.post("/comments", { paper: PAPER, body: "Buy cheap pills" });
    const id = Number(/comment-(\d+)/.exec(String(posted.headers.location))?.[1]);
    expect((await ada.post(`/comments/${id}/hide`, {})).statusCode).toBe(403);
    await cora.get(`/papers/${PAPER}`);
    expect((await cora.post(`/comments/${id}/hide`, {})).statusCode).toBe(303);
    expect((await ada.get(`/papers/${PAPER}`)).body).not.toContain("Buy cheap pills");
    expect((await cora.get(`/papers/${PAPER}`)).body).toContain("Buy cheap pills");
    await cora.post(`/comments/${id}/restore`, {});
    expect((await ada.get(`/papers/${PAPER}`)).body).toContain("Buy cheap pills");
    const log = await cora.get("/curate/log");
    expect(log.body).toContain("hide comment");
    expect(log.body).toContain("restore comment");
    expect((await ada.get("/curate/log")).statusCode).toBe(403);
  });

  it("lets curators move, unfeature and feature a paper, logging each", async () => {
    await ada.get(`/papers/${PAPER}`);
    expect((await ada.post("/curate/move", { paper: PAPER, day: "2016-01-04" })).statusCode).toBe(403);
    await cora.get(`/papers/${PAPER}`);
    expect((await cora.post("/curate/move", { paper: PAPER, day: "2016-01-04" })).statusCode).toBe(303);
    expect((await cora.get("/papers/date/2016-01-04")).body).toContain(`href="/papers/${PAPER}"`);
    expect((await cora.post("/curate/unfeature", { paper: PAPER })).statusCode).toBe(303);
    expect((await cora.get(`/papers/${PAPER}`)).body).not.toContain("Featured on");
    expect((await cora.post("/curate/feature", { paper: PAPER, day: "2016-01-05" })).statusCode).toBe(303);
    const log = await cora.get("/curate/log");
    for (const detail of ["from 2016-01-05 to 2016-01-04", "from 2016-01-04", "on 2016-01-05"]) {
      expect(log.body).toContain(detail);
    }
  });

  it("limits comments per account with a readable 429", async () => {
    await ada.get(`/papers/${PAPER}`);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) {
      statuses.push((await ada.post("/comments", { paper: PAPER, body: `note ${i}` })).statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 303)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it("limits comment edits per account too", async () => {
    await ada.get(`/papers/${PAPER}`);
    const [own] = await instance.services.database.kysely
      .selectFrom("comments")
      .select("id")
      .orderBy("id")
      .limit(1)
      .execute();
    const statuses: number[] = [];
    for (let i = 0; i < 31; i += 1)
      statuses.push((await ada.post(`/comments/${own?.id}/edit`, { body: `edit ${i}` })).statusCode);
    expect(statuses.slice(0, 30).every((s) => s === 303)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  it("shows the paper on trending with why, and on its week and month sorted by upvotes", async () => {
    const trending = await app.inject("/papers/trending");
    expect(trending.body).toContain(`href="/papers/${PAPER}"`);
    expect(trending.body).toMatch(/1 upvote \+ \d+ comments × 0.5/);
    const week = await app.inject("/papers/week/2016-W01");
    expect(week.statusCode).toBe(200);
    expect(week.body).toContain(`href="/papers/${PAPER}"`);
    expect((await app.inject("/papers/month/2016-01?sort=featured")).body).toContain(
      `href="/papers/${PAPER}"`,
    );
    expect((await app.inject("/papers/week/2016-W54")).statusCode).toBe(400);
    const about = await app.inject("/about");
    expect(about.body).toContain("score = (U + 0.5·C) / (A + 2)<sup>1.8</sup>");
  });
});

describe("submission rules", () => {
  it("refuses papers older than SUBMISSION_MAX_AGE_DAYS", async () => {
    const arxiv = await startReplayServer(() => ({ body: CLASSIC }));
    const instance = await createTestInstance({
      clock: fixedClock("2016-03-01T12:00:00Z"),
      env: { ARXIV_API_URL: `${arxiv.url}/api/query`, ARXIV_REQUEST_INTERVAL_MS: "0" },
    });
    const app = await buildApp(instance.services);
    try {
      const { client } = await signedInClient(app, instance.services, "ada@example.org");
      await client.get("/papers/submit");
      const response = await client.post("/papers/submit", { paper: PAPER });
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain(
        "first published on 2015-12-26; this site takes papers up to 14 days old",
      );
    } finally {
      await app.close();
      await instance.dispose();
      await arxiv.close();
    }
  });

  it("answers 502 with a plain explanation when arXiv fails, keeping its address out of the page", async () => {
    const arxiv = await startReplayServer(() => ({ status: 503, body: "down for maintenance" }));
    const instance = await createTestInstance({
      clock,
      env: { ARXIV_API_URL: `${arxiv.url}/api/query`, ARXIV_REQUEST_INTERVAL_MS: "0" },
      retry: { maxRetries: 0 },
    });
    const app = await buildApp(instance.services);
    try {
      const { client } = await signedInClient(app, instance.services, "ada@example.org");
      await client.get("/papers/submit");
      const response = await client.post("/papers/submit", { paper: PAPER });
      expect(response.statusCode).toBe(502);
      expect(response.body).toContain("arXiv could not be reached or did not answer within 20 seconds");
      expect(response.body).not.toContain(arxiv.url);
      expect(response.body).not.toContain("HTTP 503");
    } finally {
      await app.close();
      await instance.dispose();
      await arxiv.close();
    }
  });
});
