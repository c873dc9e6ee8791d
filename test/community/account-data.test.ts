import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountData } from "../../src/community/account-data.js";
import { addUser } from "../../src/community/accounts.js";
import { createApiToken } from "../../src/community/api-tokens.js";
import { addToCollection } from "../../src/community/collection-papers.js";
import { createCollection, removeCollection } from "../../src/community/collections.js";
import { postComment } from "../../src/community/comments.js";
import { followSomething } from "../../src/community/reader-follows.js";
import { setUpvote } from "../../src/community/upvotes.js";
import { subscribeAccount } from "../../src/digests/account-digest.js";
import { displayNames } from "../../src/storage/migrations/0306-display-names.js";
import { displayNamesWithoutIds } from "../../src/storage/migrations/0310-display-names-without-ids.js";
import { buildApp } from "../../src/web/app.js";
import { signedInClient } from "../helpers/accounts.js";
import { loadListingFixture } from "../helpers/api.js";
import { BACKENDS } from "../helpers/backends.js";
import type { FormClient } from "../helpers/form-client.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const DAY = "/papers/date/2026-06-30";
const NOTE = "ada-private-note-91b2";

/** The papers a list page shows, in order. */
const listed = (html: string) =>
  [...html.matchAll(/<article class="paper-card" id="paper-([^"]+)"/g)].map((m) => m[1]);

describe.each(BACKENDS)("reading state, the account's data and its deletion on %s", (backend) => {
  let instance: TestInstance;
  let app: FastifyInstance;
  let ada: FormClient;
  let bob: FormClient;
  let adaToken: string;
  let adaHandle: string;
  let papers: string[];

  beforeAll(async () => {
    instance = await createTestInstance({ backend });
    await loadListingFixture(instance.services);
    app = await buildApp(instance.services);
    const signedIn = await signedInClient(app, instance.services, "ada.lovelace@example.org");
    ada = signedIn.client;
    adaHandle = signedIn.account.handle;
    adaToken = (await createApiToken(instance.services, signedIn.account, "tests")).token;
    bob = (await signedInClient(app, instance.services, "bob@example.org")).client;
    papers = listed((await ada.get(DAY)).body) as string[];
  });
  afterAll(async () => {
    await app?.close();
    await instance?.dispose();
  });

  it("reads a paper when its page is opened or it is marked, and hides read papers for that reader only", async () => {
    const [first = "", second = "", third = ""] = papers;
    await ada.get(`/papers/${first}`);
    expect((await ada.post("/read", { paper: second, on: "1", back: DAY })).headers.location).toBe(
      `${DAY}#paper-${second}`,
    );
    const api = (method: "POST" | "DELETE", token?: string) =>
      app.inject({
        method,
        url: `/api/papers/${third}/read`,
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
    expect((await api("POST")).statusCode).toBe(401);
    expect((await api("POST", adaToken)).json()).toEqual({ paperId: third, read: true });
    expect((await api("DELETE", adaToken)).json()).toEqual({ paperId: third, read: false });
    const hidden = (await ada.get(`${DAY}?hide=read`)).body;
    expect(listed(hidden)).not.toContain(first);
    expect(listed(hidden)).not.toContain(second);
    expect(listed(hidden)).toContain(third);
    expect(hidden).toContain("2 read papers hidden");
    expect(listed((await bob.get(`${DAY}?hide=read`)).body)).toContain(first);
    expect(listed((await app.inject(`${DAY}?hide=read`)).body)).toContain(first);
  });

  it("downloads everything the account holds as JSON, and nothing of anyone else's", async () => {
    const { services } = instance;
    const { account } = await addUser(services, "ada.lovelace@example.org", undefined);
    const [first = "", second = ""] = papers;
    await setUpvote(services, account, first, true);
    await postComment(services, account, { paperId: first, body: "My comment." });
    const list = await createCollection(services, account, { name: "Mine" });
    await addToCollection(services, account, list.id, second, NOTE);
    await followSomething(services, account, { kind: "category", value: "cs.LG" });
    await subscribeAccount(services, account);
    const download = await ada.get("/settings/data.json");
    expect(download.headers["cache-control"]).toBe("no-store");
    expect(download.headers["content-disposition"]).toMatch(/attachment/);
    const data = download.json();
    expect(data.account).toMatchObject({
      email: "ada.lovelace@example.org",
      displayName: account.displayName,
    });
    expect(data.upvotes.map((u: { paperId: string }) => u.paperId)).toEqual([first]);
    expect(data.comments.map((c: { body: string }) => c.body)).toEqual(["My comment."]);
    expect(data.collections.find((c: { name: string }) => c.name === "Mine").papers).toEqual([
      expect.objectContaining({ paperId: second, note: NOTE }),
    ]);
    expect(data.signals.read.length).toBeGreaterThanOrEqual(2);
    expect(data.signals.follows).toEqual([expect.objectContaining({ kind: "category", value: "cs.LG" })]);
    expect(data.subscription).toMatchObject({ email: "ada.lovelace@example.org" });
    expect(
      JSON.stringify(
        await accountData(services, (await addUser(services, "bob@example.org", undefined)).account),
      ),
    ).not.toContain(NOTE);
    expect((await app.inject("/settings/data.json")).statusCode).toBe(401);
  });

  it("calls a new account 'Reader' and its handle's random part everywhere, never its email's local part nor its id", async () => {
    const { services } = instance;
    const { account } = await addUser(services, "grace.hopper@example.org", undefined);
    const name = `Reader ${account.handle.replace(/^reader-/, "")}`;
    expect(name).toMatch(/^Reader [0-9a-f]{8}$/);
    expect(account.displayName).toBe(name);
    const stored = await services.database.kysely
      .selectFrom("users")
      .select("display_name")
      .where("id", "=", account.id)
      .executeTakeFirstOrThrow();
    expect(stored.display_name).toBe(name);
    const list = await createCollection(services, account, { name: "Open shelf", visibility: "public" });
    const member = (await app.inject(`/members/${account.handle}`)).body;
    expect(member).toContain(`<h1>${name}</h1>`);
    expect(member).not.toContain(`<h1>Reader ${account.id}</h1>`);
    const page = (await app.inject(`/collections/${list.id}-open-shelf`)).body;
    expect(page).toContain(`>${name}</a>`);
    const listed = (await app.inject(`/api/collections?member=${account.handle}`)).json();
    expect(listed.map((c: { owner: { name: string } }) => c.owner.name)).toEqual([name]);
    await removeCollection(services, account, list.id);
  });

  it("changes the display name, never showing the email's local part by default", async () => {
    await ada.get("/settings");
    expect((await ada.get(`/members/${adaHandle}`)).body).not.toContain("ada.lovelace");
    await ada.post("/settings/name", { name: "  Augusta\u0007 Ada  " });
    expect((await app.inject(`/members/${adaHandle}`)).body).toContain("<h1>Augusta Ada</h1>");
    expect((await ada.post("/settings/name", { name: "   " })).statusCode).toBe(400);
  });

  it("names old accounts safely when migrating, keeping chosen names", async () => {
    const db = instance.services.database.kysely;
    const { account } = await addUser(instance.services, "first.last@example.org", undefined);
    // As sign-up made it before migration 0308: the handle, and so the name, was the address's local part.
    await db
      .updateTable("users")
      .set({ handle: "first.last", display_name: "first.last" })
      .where("id", "=", account.id)
      .execute();
    await displayNames.up(db, instance.services.database.capabilities);
    const names = await db.selectFrom("users").select(["handle", "display_name"]).orderBy("id").execute();
    expect(names.find((u) => u.handle === "first.last")?.display_name).toBe(`Reader ${account.id}`);
    expect(names.find((u) => u.handle === adaHandle)?.display_name).toBe("Augusta Ada");
    expect(names.find((u) => u.handle === "paperboy")?.display_name).toBe("Paperboy import");
    await db.updateTable("users").set({ handle: "reader-0badcafe" }).where("id", "=", account.id).execute();
    await displayNamesWithoutIds.up(db, instance.services.database.capabilities);
    const renamed = await db
      .selectFrom("users")
      .select(["id", "handle", "display_name"])
      .orderBy("id")
      .execute();
    expect(renamed.find((u) => u.handle === "reader-0badcafe")?.display_name).toBe("Reader 0badcafe");
    expect(renamed.find((u) => u.handle === adaHandle)?.display_name).toBe("Augusta Ada");
    expect(renamed.find((u) => u.handle === "paperboy")?.display_name).toBe("Paperboy import");
    // A handle's random part can be all digits ("Reader 20417735"), so look for the id itself, not for digits.
    expect(renamed.filter((u) => u.display_name === `Reader ${u.id}`)).toEqual([]);
  });

  it("deletes the account when confirmed: personal data gone, comments kept as by a deleted account", async () => {
    await ada.get("/settings");
    expect((await ada.post("/settings/delete", { confirm: "wrong" })).statusCode).toBe(400);
    const done = await ada.post("/settings/delete", { confirm: adaHandle });
    expect(done.headers.location).toBe("/papers");
    expect((await ada.get("/settings")).statusCode).toBe(303);
    const first = papers[0] ?? "";
    const page = (await app.inject(`/papers/${first}`)).body;
    expect(page).toContain("deleted account");
    expect(page).toContain("My comment.");
    const db = instance.services.database.kysely;
    const count = async (
      table: "upvotes" | "collections" | "reader_marks" | "subscriptions" | "api_tokens",
    ) => (await db.selectFrom(table).selectAll().execute()).length;
    expect(await count("upvotes")).toBe(0);
    expect(await count("collections")).toBe(0);
    expect(await count("reader_marks")).toBe(0);
    expect(await count("subscriptions")).toBe(0);
    expect(await count("api_tokens")).toBe(0);
    const row = await db
      .selectFrom("users")
      .selectAll()
      .where("handle", "like", "deleted-%")
      .executeTakeFirst();
    expect(row).toMatchObject({ email: null, display_name: "deleted account" });
    expect(row?.deleted_at).toBeTruthy();
    expect(
      (
        await app.inject({
          method: "POST",
          url: `/api/papers/${first}/read`,
          headers: { authorization: `Bearer ${adaToken}` },
        })
      ).statusCode,
    ).toBe(401);
  });
});
