import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpvote } from "../../src/community/upvotes.js";
import type { Account } from "../../src/core/account.js";
import { fixedClock } from "../../src/core/clock.js";
import { buildApp } from "../../src/web/app.js";
import { signedInClient } from "../helpers/accounts.js";
import { addPapers } from "../helpers/api.js";
import { BACKENDS } from "../helpers/backends.js";
import type { FormClient } from "../helpers/form-client.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";
import { topicPaper, topicPapers } from "../helpers/topic-papers.js";

const clock = fixedClock("2026-06-24T15:00:00Z");
const titlesIn = (html: string) => [...html.matchAll(/data-paper-link>([^<]+)</g)].map((m) => m[1] ?? "");

describe.each(BACKENDS)("/papers/for-you (%s)", (backend) => {
  let instance: TestInstance;
  let app: FastifyInstance;
  let ada: FormClient;
  let adaAccount: Account;
  let bob: FormClient;

  beforeAll(async () => {
    instance = await createTestInstance({ backend, clock });
    const { services } = instance;
    await addPapers(services, topicPapers(0, 4, "2026-06-10T12:00:00Z"), "2026-06-10");
    await addPapers(services, topicPapers(10, 4, "2026-06-23T12:00:00Z"), "2026-06-23");
    app = await buildApp(services);
    const a = await signedInClient(app, services, "ada@example.org");
    for (const n of [0, 1, 2]) await setUpvote(services, a.account, topicPaper("proteins", n, "").id, true);
    ada = a.client;
    adaAccount = a.account;
    bob = (await signedInClient(app, services, "bob@example.org")).client;
  });
  afterAll(async () => {
    await app?.close();
    await instance?.dispose();
  });

  it("tells a signed-out reader what For you is and how to get it", async () => {
    const response = await app.inject({ url: "/papers/for-you" });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain("Sign in</a> to see yours");
  });

  it("shows a warm reader their topic first, each paper with why", async () => {
    const response = await ada.get("/papers/for-you?date=2026-06-23&days=1");
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("no-store");
    expect(response.body).not.toContain("Tell Paperboy what you like");
    const titles = titlesIn(response.body);
    expect(titles).toHaveLength(12);
    expect(titles.slice(0, 4).every((t) => /protein|amino|molecular|binding|enzyme/.test(t))).toBe(true);
    expect(response.body).toMatch(/Why: <\/span><ul class="reasons"><li>like <a href="\/papers\/2606\.12/);
    expect(response.body).toContain(", which you upvoted</li>");
  });

  it("answers a page asked again the same, and drops a paper the reader upvotes meanwhile", async () => {
    const url = "/papers/for-you?date=2026-06-23&days=1";
    const first = (await ada.get(url)).body;
    expect(titlesIn((await ada.get(url)).body)).toEqual(titlesIn(first));
    const top = first.match(/data-paper="([^"]+)"/)?.[1] ?? "";
    expect(top).not.toBe("");
    await setUpvote(instance.services, adaAccount, top, true);
    const after = (await ada.get(url)).body;
    expect(after).not.toContain(`data-paper="${top}"`);
    expect(titlesIn(after)).toHaveLength(11);
    await setUpvote(instance.services, adaAccount, top, false);
    expect(titlesIn((await ada.get(url)).body)).toEqual(titlesIn(first));
  });

  it("asks a cold reader for signals, and shows none of another reader's picks", async () => {
    const response = await bob.get("/papers/for-you?date=2026-06-23&days=1");
    expect(response.body).toContain("Tell Paperboy what you like");
    expect(response.body).toContain("it has 0 of the 3 it needs");
    expect(response.body).toContain('action="/follow"');
    expect(response.body).not.toContain("which you upvoted");
  });

  it("refuses a malformed span with a reason", async () => {
    const response = await ada.get("/papers/for-you?days=99");
    expect(response.statusCode).toBe(400);
  });
});
