import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "../../src/community/api-tokens.js";
import { buildApp } from "../../src/web/app.js";
import { signedInClient } from "../helpers/accounts.js";
import { loadListingFixture } from "../helpers/api.js";
import { BACKENDS } from "../helpers/backends.js";
import type { FormClient } from "../helpers/form-client.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

// What only ada may ever see: the private collection's name, her notes, and which papers she read or saved.
const SECRET_NAME = "Shelf-9c41";
const PRIVATE_NOTE = "private-note-3b7e";
const PUBLIC_NOTE = "note-on-public-5d20";
const DAY = "2026-06-26";
const [SECRET_PAPER, OPEN_PAPER, SAVED_PAPER, OPENED_PAPER] = [
  "2606.26139",
  "2606.26564",
  "2606.26651",
  "2606.26612",
];

/** A visitor: signed out, or bob by his session (pages) and his token (API). */
type Visitor = "anonymous" | "bob";
const VISITORS: Visitor[] = ["anonymous", "bob"];

describe.each(BACKENDS)("a reader's library stays private (%s)", (backend) => {
  let instance: TestInstance;
  let app: FastifyInstance;
  let ada: FormClient;
  let bob: FormClient;
  const tokens = { ada: "", bob: "" };
  const handles = { ada: "", bob: "" };
  let secret = 0;
  let open = 0;
  let openPath = "";

  const api = (method: string, url: string, as?: "ada" | "bob", payload?: object) =>
    app.inject({
      method: method as "GET",
      url,
      headers: as ? { authorization: `Bearer ${tokens[as]}` } : {},
      ...(payload ? { payload } : {}),
    });
  /** A page or feed as the visitor sees it. */
  const visit = (who: Visitor, url: string): Promise<LightMyRequestResponse> =>
    who === "bob" ? bob.get(url) : app.inject(url);
  /** An API read as the visitor makes it. */
  const read = (who: Visitor, url: string) => api("GET", url, who === "bob" ? "bob" : undefined);

  beforeAll(async () => {
    instance = await createTestInstance({ backend });
    await loadListingFixture(instance.services);
    app = await buildApp(instance.services);
    const signedIn = async (email: string) => {
      const { client, account } = await signedInClient(app, instance.services, email);
      const token = (await createApiToken(instance.services, account, "tests")).token;
      return { client, token, handle: account.handle };
    };
    const adaIn = await signedIn("ada@example.org");
    const bobIn = await signedIn("bob@example.org");
    [ada, bob, tokens.ada, tokens.bob] = [adaIn.client, bobIn.client, adaIn.token, bobIn.token];
    [handles.ada, handles.bob] = [adaIn.handle, bobIn.handle];
    secret = (await api("POST", "/api/collections", "ada", { name: SECRET_NAME })).json().id;
    await api("POST", `/api/collections/${secret}/papers`, "ada", {
      paperId: SECRET_PAPER,
      note: PRIVATE_NOTE,
    });
    const made = (
      await api("POST", "/api/collections", "ada", { name: "Open", visibility: "public" })
    ).json();
    [open, openPath] = [made.id, new URL(made.url).pathname];
    await api("POST", `/api/collections/${open}/papers`, "ada", { paperId: OPEN_PAPER, note: PUBLIC_NOTE });
    await api("POST", `/api/papers/${SAVED_PAPER}/save`, "ada");
    await api("POST", `/api/papers/${SECRET_PAPER}/read`, "ada");
    await ada.get(`/papers/${OPENED_PAPER}`);
  });
  afterAll(async () => {
    await app?.close();
    await instance?.dispose();
  });

  describe("a private collection", () => {
    const pages = () => [
      `/collections/${secret}`,
      ...["rss", "atom", "json"].map((f) => `/feeds/collection/${secret}.${f}`),
      ...["bibtex", "ris", "csl-json"].map((f) => `/collections/${secret}/${f}`),
    ];
    it.each(VISITORS)("answers 404 to %s on its page, its feeds and its exports", async (who) => {
      for (const url of pages()) {
        const answer = await visit(who, url);
        expect(answer.statusCode, url).toBe(404);
        expect(answer.body, url).not.toContain(SECRET_NAME);
      }
    });
    it.each(VISITORS)("answers 404 to %s through the API, and lists it nowhere", async (who) => {
      const answer = await read(who, `/api/collections/${secret}`);
      expect(answer.statusCode).toBe(404);
      expect(answer.body).not.toContain(SECRET_NAME);
      const listed = await read(who, `/api/collections?member=${handles.ada}`);
      expect(listed.statusCode).toBe(200);
      expect(listed.body).not.toContain(SECRET_NAME);
      const member = await visit(who, `/members/${handles.ada}`);
      expect(member.statusCode).toBe(200);
      expect(member.body).not.toContain(SECRET_NAME);
    });
    it("is not among bob's collections, his save-to choices or his data download", async () => {
      for (const url of ["/collections", `/papers/${SECRET_PAPER}/save-to`, "/settings/data.json"]) {
        const answer = await bob.get(url);
        expect(answer.statusCode, url).toBe(200);
        expect(answer.body, url).not.toContain(SECRET_NAME);
        expect(answer.body, url).not.toContain(PRIVATE_NOTE);
      }
      expect((await api("GET", "/api/collections", "bob")).json()).toEqual([]);
    });
  });

  describe("notes", () => {
    const places = () => [
      openPath,
      ...["rss", "atom", "json"].map((f) => `/feeds/collection/${open}.${f}`),
      ...["bibtex", "ris", "csl-json"].map((f) => `/collections/${open}/${f}`),
    ];
    it.each(VISITORS)("never reach %s on a public collection's page, feeds or exports", async (who) => {
      for (const url of places()) {
        const answer = await visit(who, url);
        expect(answer.statusCode, url).toBe(200);
        expect(answer.body, url).toContain(OPEN_PAPER);
        expect(answer.body, url).not.toContain(PUBLIC_NOTE);
      }
    });
    it.each(VISITORS)("never reach %s through the API", async (who) => {
      const answer = await read(who, `/api/collections/${open}`);
      expect(answer.json().papers.map((p: { paper: { id: string } }) => p.paper.id)).toEqual([OPEN_PAPER]);
      expect(answer.body).not.toContain(PUBLIC_NOTE);
    });
    it("reach the owner, who sees them on the page and through the API", async () => {
      expect((await ada.get(openPath)).body).toContain(PUBLIC_NOTE);
      expect((await api("GET", `/api/collections/${secret}`, "ada")).body).toContain(PRIVATE_NOTE);
    });
  });

  describe("reading state and saves", () => {
    const day = `/papers/date/${DAY}`;
    const readButton = (html: string, paper: string) =>
      new RegExp(
        `name="paper" value="${paper}"[^]*?<button[^>]*aria-pressed="(true|false)">(Read|Mark)`,
      ).exec(html)?.[1];

    it("hides ada's read papers from her own list only", async () => {
      expect((await ada.get(`${day}?hide=read`)).body).not.toContain(`id="paper-${SECRET_PAPER}"`);
      for (const who of VISITORS) {
        const body = (await visit(who, `${day}?hide=read`)).body;
        expect(body, who).toContain(`id="paper-${SECRET_PAPER}"`);
        expect(body, who).toContain(`id="paper-${OPENED_PAPER}"`);
      }
    });
    it("shows bob his own reading state on lists, never ada's, and nobody's to the signed out", async () => {
      await ada.get(day);
      expect(readButton((await ada.get(day)).body, SECRET_PAPER)).toBe("true");
      expect(readButton((await bob.get(day)).body, SECRET_PAPER)).toBe("false");
      expect(readButton((await bob.get(day)).body, OPENED_PAPER)).toBe("false");
      expect((await app.inject(day)).body).not.toContain("Read ✓");
    });
    it("keeps a list's feed the same whoever asks for it", async () => {
      const feed = `/feeds/day/${DAY}.json`;
      const anonymous = await app.inject(feed);
      expect((await ada.get(`${feed}?hide=read`)).body).toBe(anonymous.body);
      expect(anonymous.body).toContain(SECRET_PAPER);
    });
    it("answers bob's signals with his own, and nobody's without a token", async () => {
      const mine = (await api("GET", "/api/me/signals", "ada")).json();
      expect(mine.read.map((r: { paperId: string }) => r.paperId).sort()).toEqual(
        [SECRET_PAPER, OPENED_PAPER].sort(),
      );
      const his = await api("GET", "/api/me/signals", "bob");
      expect(his.headers["cache-control"]).toBe("no-store");
      expect(his.json().read).toEqual([]);
      expect(his.body).not.toContain(SAVED_PAPER);
      expect((await api("GET", "/api/me/signals")).statusCode).toBe(401);
    });
    it("changes only bob's own state when bob marks, unmarks or saves", async () => {
      await api("DELETE", `/api/papers/${SECRET_PAPER}/read`, "bob");
      await api("DELETE", `/api/papers/${SAVED_PAPER}/save`, "bob");
      await bob.get(day);
      await bob.post("/read", { paper: OPENED_PAPER, on: "0", back: day });
      const mine = (await api("GET", "/api/me/signals", "ada")).json();
      expect(mine.read).toHaveLength(2);
      const saved = (await api("GET", "/api/collections", "ada"))
        .json()
        .find((c: { isDefault: boolean }) => c.isDefault);
      expect(saved.paperCount).toBe(1);
    });
  });

  describe("every write checks who is writing", () => {
    const forms = (id: number): [string, Record<string, string>][] => [
      [`/collections/${id}/papers`, { paper: OPENED_PAPER }],
      [`/collections/${id}/papers/remove`, { paper: SECRET_PAPER }],
      [`/collections/${id}/notes`, { paper: SECRET_PAPER, note: "x" }],
      [`/collections/${id}/move`, { paper: SECRET_PAPER, place: "1" }],
      [`/collections/${id}/edit`, { name: "Mine", visibility: "public" }],
      [`/collections/${id}/editors`, { handle: handles.bob }],
      [`/collections/${id}/delete`, { confirm: "yes" }],
      [`/collections/${id}/import`, { text: OPENED_PAPER }],
    ];
    it("refuses bob's forms on ada's collections: 404 when private, 403 when public", async () => {
      for (const [id, status] of [
        [secret, 404],
        [open, 403],
      ] as const) {
        await bob.get("/collections");
        for (const [url, fields] of forms(id))
          expect((await bob.post(url, fields)).statusCode, url).toBe(status);
      }
      for (const [url, fields] of forms(secret))
        expect((await app.inject({ method: "POST", url, payload: fields })).statusCode, url).toBe(403);
    });
    it("refuses bob's API writes on ada's collections: 404 when private, 403 when public", async () => {
      const writes = (id: number): [string, string, object?][] => [
        ["PATCH", `/api/collections/${id}`, { name: "Mine" }],
        ["DELETE", `/api/collections/${id}`],
        ["POST", `/api/collections/${id}/papers`, { paperId: OPENED_PAPER }],
        ["PATCH", `/api/collections/${id}/papers/${SECRET_PAPER}`, { note: "x" }],
        ["DELETE", `/api/collections/${id}/papers/${SECRET_PAPER}`],
        ["POST", `/api/collections/${id}/editors`, { handle: handles.bob }],
        ["POST", `/api/collections/${id}/import`, { text: OPENED_PAPER }],
      ];
      for (const [id, status] of [
        [secret, 404],
        [open, 403],
      ] as const) {
        for (const [method, url, body] of writes(id))
          expect((await api(method, url, "bob", body)).statusCode, `${method} ${url}`).toBe(status);
      }
      const after = (await api("GET", `/api/collections/${secret}`, "ada")).json();
      expect(after).toMatchObject({ name: SECRET_NAME, visibility: "private", editors: [] });
      expect(after.papers.map((p: { paper: { id: string }; note: string }) => [p.paper.id, p.note])).toEqual([
        [SECRET_PAPER, PRIVATE_NOTE],
      ]);
    });
  });
});
