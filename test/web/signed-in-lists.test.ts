import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/web/app.js";
import { signedInClient } from "../helpers/accounts.js";
import { loadListingFixture } from "../helpers/api.js";
import { BACKENDS } from "../helpers/backends.js";
import type { FormClient } from "../helpers/form-client.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const DAY = "/papers/date/2026-06-30";

/** The upvote buttons of a list page, by paper: whether each is pressed. */
function pressed(html: string): Map<string, boolean> {
  const buttons = new Map<string, boolean>();
  const forms = /action="\/upvote"[\s\S]*?name="paper" value="([^"]+)"[\s\S]*?aria-pressed="(true|false)"/g;
  for (const match of html.matchAll(forms)) buttons.set(match[1] ?? "", match[2] === "true");
  return buttons;
}

const tokensIn = (html: string) =>
  new Set([...html.matchAll(/name="_csrf" value="([^"]+)"/g)].map((m) => m[1]));

// List pages reuse each paper card's rendered HTML between requests and people (see kept-fragment.tsx).
describe.each(BACKENDS)("list pages for signed-in people (%s)", (backend) => {
  let instance: TestInstance;
  let app: FastifyInstance;
  let ada: FormClient;
  let bob: FormClient;

  beforeAll(async () => {
    instance = await createTestInstance({ backend });
    await loadListingFixture(instance.services);
    app = await buildApp(instance.services);
    ada = (await signedInClient(app, instance.services, "ada@example.org")).client;
    bob = (await signedInClient(app, instance.services, "bob@example.org")).client;
  });
  afterAll(async () => {
    await app.close();
    await instance.dispose();
  });

  it("shows each person their own upvotes and their own form token, however often a card is reused", async () => {
    const before = (await ada.get(DAY)).body;
    const paper = [...pressed(before).keys()][3] ?? "";
    expect(pressed(before).size).toBe(50);
    expect(await ada.post("/upvote", { paper, on: "1", back: DAY })).toMatchObject({ statusCode: 303 });

    for (let round = 0; round < 2; round += 1) {
      const adaPage = (await ada.get(DAY)).body;
      const bobPage = (await bob.get(DAY)).body;
      expect(pressed(adaPage).get(paper)).toBe(true);
      expect(pressed(bobPage).get(paper)).toBe(false);
      expect([...pressed(bobPage).values()].filter(Boolean)).toEqual([]);
      // The vote shows in everyone's count.
      const card = (html: string) => html.slice(html.indexOf(`id="paper-${paper}"`));
      expect(card(bobPage)).toMatch(/^[\s\S]*?▲ <span class="upvote-count">1 upvote</);
      // One token per page, and it is the reader's: each can vote with their own, not with the other's.
      const [adaToken] = [...tokensIn(adaPage)];
      const [bobToken] = [...tokensIn(bobPage)];
      expect(tokensIn(adaPage).size).toBe(1);
      expect(tokensIn(bobPage).size).toBe(1);
      expect(adaToken).not.toBe(bobToken);
    }
    const forged = await bob.post("/upvote", { paper, on: "1", back: DAY, _csrf: ada.csrf() });
    expect(forged.statusCode).toBe(403);
    expect(await bob.post("/upvote", { paper, on: "1", back: DAY })).toMatchObject({ statusCode: 303 });
    expect(pressed((await bob.get(DAY)).body).get(paper)).toBe(true);
    // A way back that a Location header cannot carry as written is encoded, not a failure after the vote.
    const back = await bob.post("/upvote", { paper, on: "0", back: "/search?q=图" });
    expect(back).toMatchObject({
      statusCode: 303,
      headers: { location: `/search?q=%E5%9B%BE#paper-${paper}` },
    });
  });

  it("keeps anonymous and signed-in cards apart", async () => {
    const anonymous = await app.inject(DAY);
    expect(anonymous.body).not.toContain('name="_csrf"');
    expect(anonymous.body).toContain('title="Sign in to upvote"');
    expect((await ada.get(DAY)).body).not.toContain('title="Sign in to upvote"');
  });
});
