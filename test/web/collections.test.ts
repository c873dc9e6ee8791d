import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/web/app.js";
import { signedInClient } from "../helpers/accounts.js";
import { loadListingFixture } from "../helpers/api.js";
import { BACKENDS } from "../helpers/backends.js";
import type { FormClient } from "../helpers/form-client.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const NOTE = "note-only-for-ada-5e1c";
const PAPERS = ["2606.26139", "2606.26564", "2606.26651"];

/** The papers of a collection page, in order. */
const order = (html: string) =>
  [...html.matchAll(/<article class="paper-card" id="paper-([^"]+)"/g)].map((m) => m[1]);

describe.each(BACKENDS)("collection pages on %s", (backend) => {
  let instance: TestInstance;
  let app: FastifyInstance;
  let ada: FormClient;
  let adaPage: string;
  let bob: FormClient;
  let path: string;
  let id: string;

  beforeAll(async () => {
    instance = await createTestInstance({ backend });
    await loadListingFixture(instance.services);
    app = await buildApp(instance.services);
    const signedIn = await signedInClient(app, instance.services, "ada@example.org");
    ada = signedIn.client;
    adaPage = `/members/${signedIn.account.handle}`;
    bob = (await signedInClient(app, instance.services, "bob@example.org")).client;
  });
  afterAll(async () => {
    await app?.close();
    await instance?.dispose();
  });

  it("makes a collection from a form, fills it from save-to, writes a note and reorders", async () => {
    await ada.get("/collections");
    const made = await ada.post("/collections", { name: "Reading group", description: "Week 3" });
    expect(made.statusCode).toBe(303);
    path = made.headers.location as string;
    expect(path).toMatch(/^\/collections\/\d+-reading-group$/);
    id = path.split("/")[2]?.split("-")[0] ?? "";
    for (const paper of PAPERS) {
      const page = await ada.get(`/papers/${paper}/save-to?back=%2Fpapers`);
      expect(page.headers["cache-control"]).toBe("no-store");
      expect(page.body).toContain("Reading group");
      const added = await ada.post(`/collections/${id}/papers`, { paper, back: "/papers" });
      expect(added.headers.location).toBe(`/papers#paper-${paper}`);
    }
    expect((await ada.get(`/papers/${PAPERS[0]}/save-to`)).body).toMatch(
      /aria-pressed="true">✓ Reading group/,
    );
    await ada.get(path);
    await ada.post(`/collections/${id}/notes`, { paper: PAPERS[1] ?? "", note: NOTE, back: path });
    await ada.post(`/collections/${id}/move`, { paper: PAPERS[2] ?? "", place: "1", back: path });
    const page = await ada.get(path);
    expect(page.headers["cache-control"]).toBe("no-store");
    expect(order(page.body)).toEqual([PAPERS[2], PAPERS[0], PAPERS[1]]);
    expect(page.body).toContain(NOTE);
    expect((await app.inject(`/collections/${id}-old-name`)).statusCode).toBe(404);
    expect((await ada.get(`/collections/${id}-old-name`)).headers.location).toBe(path);
  });

  it("keeps a private collection and its notes from everyone else, on pages and in feeds", async () => {
    for (const answer of [await app.inject(path), await bob.get(path)]) {
      expect(answer.statusCode).toBe(404);
      expect(answer.body).not.toContain("Reading group");
    }
    expect((await app.inject(`/feeds/collection/${id}.rss`)).statusCode).toBe(404);
    const member = await bob.get(adaPage);
    expect(member.statusCode).toBe(200);
    expect(member.body).not.toContain("Reading group");
    await bob.get("/collections");
    expect((await bob.post(`/collections/${id}/papers`, { paper: PAPERS[0] ?? "" })).statusCode).toBe(404);
    expect(
      (await bob.post(`/collections/${id}/edit`, { name: "Mine", visibility: "public" })).statusCode,
    ).toBe(404);
    expect((await bob.post(`/collections/${id}/delete`, { confirm: "yes" })).statusCode).toBe(404);
  });

  it("shares a public collection: page, member page and feeds, never the notes", async () => {
    await ada.get(path);
    const shared = await ada.post(`/collections/${id}/edit`, {
      name: "Reading group",
      description: "Week 3",
      visibility: "public",
    });
    expect(shared.headers.location).toBe(path);
    const anonymous = await app.inject(path);
    expect(anonymous.statusCode).toBe(200);
    expect(order(anonymous.body)).toEqual([PAPERS[2], PAPERS[0], PAPERS[1]]);
    expect(anonymous.body).not.toContain(NOTE);
    expect(anonymous.body).toContain('href="/feeds/collection/');
    expect((await bob.get(path)).body).not.toContain(NOTE);
    for (const extension of ["rss", "atom", "json"]) {
      const feed = await app.inject(`/feeds/collection/${id}.${extension}`);
      expect(feed.statusCode).toBe(200);
      expect(feed.body).toContain(PAPERS[1]);
      expect(feed.body).not.toContain(NOTE);
    }
    expect((await app.inject(adaPage)).body).toContain(`href="${path}"`);
    await bob.get(path);
    expect((await bob.post(`/collections/${id}/papers`, { paper: PAPERS[0] ?? "" })).statusCode).toBe(403);
    expect(
      (await bob.post(`/collections/${id}/notes`, { paper: PAPERS[1] ?? "", note: "x" })).statusCode,
    ).toBe(403);
    expect(
      (await bob.post(`/collections/${id}/move`, { paper: PAPERS[1] ?? "", place: "1" })).statusCode,
    ).toBe(403);
    expect((await bob.post(`/collections/${id}/delete`, { confirm: "yes" })).statusCode).toBe(403);
  });

  it("deletes a collection only when the owner confirms", async () => {
    await ada.get(path);
    expect((await ada.post(`/collections/${id}/delete`, {})).statusCode).toBe(400);
    expect((await ada.post(`/collections/${id}/delete`, { confirm: "yes" })).headers.location).toBe(
      "/collections",
    );
    expect((await app.inject(path)).statusCode).toBe(404);
  });
});
