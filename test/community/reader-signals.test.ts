import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PaperboyApiError, PaperboyClient } from "../../src/client/index.js";
import { addUser } from "../../src/community/accounts.js";
import { createApiToken, revokeToken } from "../../src/community/api-tokens.js";
import { notInterestedAmong } from "../../src/community/not-interested.js";
import { readerSignals } from "../../src/community/reader-signals.js";
import type { Account } from "../../src/core/account.js";
import { fixedClock } from "../../src/core/clock.js";
import { signedInClient } from "../helpers/accounts.js";
import { addPapers, paperRecord, serveWithClient } from "../helpers/api.js";
import { BACKENDS } from "../helpers/backends.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const statusOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 200,
    (error: unknown) => (error instanceof PaperboyApiError ? error.status : 0),
  );

const clock = fixedClock("2026-06-22T15:00:00Z");

describe.each(BACKENDS)("reader signals: not interested, follows, /api/me/signals (%s)", (backend) => {
  let instance: TestInstance;
  let ada: PaperboyClient;
  let bob: PaperboyClient;
  let adaAccount: Account;
  let adaToken: string;
  let revoked: PaperboyClient;
  let anonymous: PaperboyClient;
  let baseUrl: string;
  let close: () => Promise<unknown>;
  let app: FastifyInstance;

  beforeAll(async () => {
    clock.set("2026-06-22T15:00:00Z");
    instance = await createTestInstance({ backend, clock });
    const { services } = instance;
    await addPapers(
      services,
      [paperRecord("2606.00001"), paperRecord("2606.00002"), paperRecord("hep-th/9901001")],
      null,
    );
    const served = await serveWithClient(services);
    baseUrl = served.baseUrl;
    const tokenFor = async (email: string) => {
      const { account } = await addUser(services, email, undefined);
      return { account, token: (await createApiToken(services, account, "tests")).token };
    };
    const a = await tokenFor("ada@example.org");
    adaAccount = a.account;
    adaToken = a.token;
    ada = new PaperboyClient({ baseUrl, token: a.token });
    bob = new PaperboyClient({ baseUrl, token: (await tokenFor("bob@example.org")).token });
    const old = await createApiToken(services, adaAccount, "old");
    await revokeToken(services, adaAccount, old.id);
    revoked = new PaperboyClient({ baseUrl, token: old.token });
    anonymous = served.client;
    app = served.app;
    close = () => served.app.close();
  });
  afterAll(async () => {
    await close();
    await instance.dispose();
  });

  it("marks a paper not interested for one reader only, reversibly and idempotently", async () => {
    expect(await ada.notInterested("2606.00001")).toEqual({ paperId: "2606.00001", notInterested: true });
    expect(await ada.notInterested("2606.00001v3")).toEqual({ paperId: "2606.00001", notInterested: true });
    expect(await ada.notInterested("hep-th/9901001")).toMatchObject({ notInterested: true });
    const { database } = instance.services;
    const ids = ["2606.00001", "2606.00002", "hep-th/9901001"];
    expect([...(await notInterestedAmong(database, adaAccount.id, ids))].sort()).toEqual([
      "2606.00001",
      "hep-th/9901001",
    ]);
    expect((await bob.mySignals()).notInterested).toEqual([]);
    expect(await ada.removeNotInterested("hep-th/9901001")).toMatchObject({ notInterested: false });
    expect(await ada.removeNotInterested("hep-th/9901001")).toMatchObject({ notInterested: false });
    expect([...(await notInterestedAmong(database, adaAccount.id, ids))]).toEqual(["2606.00001"]);
  });

  it("refuses a missing or unknown token, an unknown paper and a malformed id on every signal endpoint", async () => {
    const forged = new PaperboyClient({ baseUrl, token: "pb_forged" });
    for (const client of [anonymous, forged, revoked]) {
      expect(await statusOf(client.notInterested("2606.00002"))).toBe(401);
      expect(await statusOf(client.removeNotInterested("2606.00002"))).toBe(401);
      expect(await statusOf(client.follows())).toBe(401);
      expect(await statusOf(client.follow("category", "cs.LG"))).toBe(401);
      expect(await statusOf(client.unfollow("category", "cs.LG"))).toBe(401);
      expect(await statusOf(client.mySignals())).toBe(401);
    }
    expect(await statusOf(ada.notInterested("2101.99999"))).toBe(404);
    expect(await statusOf(ada.removeNotInterested("2101.99999"))).toBe(404);
    expect(await statusOf(ada.notInterested("not-an-id"))).toBe(400);
    expect(await statusOf(ada.removeNotInterested("2606.1"))).toBe(400);
    expect(await statusOf(ada.follow("category", "Computer Vision"))).toBe(400);
    expect(await statusOf(ada.follow("author", "..."))).toBe(400);
    expect(await statusOf(ada.unfollow("category", "not a category"))).toBe(400);
  });

  it("follows categories and authors by folded name, shows each reader only their own", async () => {
    expect(await ada.follow("category", "cs.CL")).toMatchObject({ kind: "category", value: "cs.CL" });
    clock.set("2026-06-22T15:01:00Z");
    expect(await ada.follow("author", "Yann Le Cun")).toMatchObject({
      kind: "author",
      value: "yann lecun",
      label: "Yann Le Cun",
    });
    // Another spelling of the same name is the same follow, with the first label kept.
    expect(await ada.follow("author", "YANN LECUN")).toMatchObject({
      value: "yann lecun",
      label: "Yann Le Cun",
    });
    await bob.follow("author", "Grace Hopper");
    expect((await ada.follows()).map((f) => f.value)).toEqual(["cs.CL", "yann lecun"]);
    expect((await bob.follows()).map((f) => f.value)).toEqual(["grace hopper"]);
    expect(await statusOf(bob.unfollow("author", "Yann LeCun"))).toBe(404);
    await ada.unfollow("author", "yann lecun");
    expect((await ada.follows()).map((f) => f.value)).toEqual(["cs.CL"]);
  });

  it("answers a reader's signals privately, and readerSignals gives For you the same", async () => {
    await ada.upvote("2606.00002");
    await ada.follow("author", "Ada Lovelace");
    const response = await fetch(`${baseUrl}/api/me/signals`, {
      headers: {
        authorization: `Bearer ${adaToken}`,
      },
    });
    expect(response.headers.get("cache-control")).toBe("no-store");
    const answer = await ada.mySignals();
    expect(answer.upvoted.map((s) => s.paperId)).toEqual(["2606.00002"]);
    expect(answer.notInterested.map((s) => s.paperId)).toEqual(["2606.00001"]);
    expect(answer.follows.map((f) => f.label)).toEqual(["cs.CL", "Ada Lovelace"]);
    const bobs = await bob.mySignals();
    expect(bobs.upvoted).toEqual([]);
    expect(bobs.follows.map((f) => f.label)).toEqual(["Grace Hopper"]);
    const signals = await readerSignals(instance.services.database, adaAccount.id);
    expect(signals.upvoted).toEqual(answer.upvoted);
    expect(signals.notInterested).toEqual(answer.notInterested);
    expect(signals.categories.map((c) => c.category)).toEqual(["cs.CL"]);
    expect(signals.authors).toEqual([
      { key: "ada lovelace", name: "Ada Lovelace", at: clock.now().toISOString() },
    ]);
  });

  it("takes the same signals as page actions: a plain form goes back, a script gets JSON", async () => {
    const { client, account } = await signedInClient(app, instance.services, "cleo@example.org");
    await client.get("/papers/2606.00002");
    const hidden = await client.post("/not-interested", {
      paper: "2606.00002",
      on: "1",
      back: "/papers?page=2",
    });
    expect(hidden.statusCode).toBe(303);
    expect(hidden.headers.location).toBe("/papers?page=2#paper-2606.00002");
    const shown = await client.post(
      "/not-interested",
      { paper: "2606.00002", on: "0" },
      { headers: { accept: "application/json" } },
    );
    expect(shown.json()).toEqual({ paperId: "2606.00002", notInterested: false });
    const followed = await client.post("/follow", {
      kind: "author",
      value: "Ada  Lovelace",
      on: "1",
      back: "/authors/Ada%20Lovelace",
    });
    expect(followed.headers.location).toBe("/authors/Ada%20Lovelace");
    const signals = await readerSignals(instance.services.database, account.id);
    expect(signals.authors.map((a) => a.key)).toEqual(["ada lovelace"]);
    expect(signals.notInterested).toEqual([]);
    expect(
      (await client.post("/not-interested", { paper: "2606.00002", on: "1" }, { csrf: false })).statusCode,
    ).toBe(403);
    expect((await client.post("/not-interested", { paper: "2101.99999", on: "1" })).statusCode).toBe(404);
    expect((await client.post("/follow", { kind: "category", value: "nope!", on: "1" })).statusCode).toBe(
      400,
    );
    const stranger = await app.inject({
      method: "POST",
      url: "/not-interested",
      payload: { paper: "2606.00002", on: "1" },
    });
    expect([401, 403]).toContain(stranger.statusCode);
  });
});
