import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../../src/community/accounts.js";
import { createApiToken } from "../../src/community/api-tokens.js";
import { deleteAccount } from "../../src/community/delete-account.js";
import { changeHandle, HANDLE_HOLD_DAYS, KEPT_HANDLES } from "../../src/community/handles.js";
import { fixedClock } from "../../src/core/clock.js";
import { findAccountById } from "../../src/storage/accounts.js";
import { buildApp } from "../../src/web/app.js";
import { documentChecker } from "../api/openapi-check.js";
import { signedInClient } from "../helpers/accounts.js";
import { BACKENDS } from "../helpers/backends.js";
import type { FormClient } from "../helpers/form-client.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/** What the settings form shows in its handle field. */
const fieldValue = (html: string) => /<input id="handle" name="handle"[^>]* value="([^"]*)"/.exec(html)?.[1];

describe.each(BACKENDS)("choosing and changing a handle on %s", (backend) => {
  const clock = fixedClock("2026-07-01T12:00:00Z");
  let instance: TestInstance;
  let app: FastifyInstance;
  let ada: FormClient;
  let adaId: number;
  let bob: FormClient;

  beforeAll(async () => {
    instance = await createTestInstance({ backend, clock });
    app = await buildApp(instance.services);
    const signedIn = await signedInClient(app, instance.services, "ada.lovelace@example.test");
    ada = signedIn.client;
    adaId = signedIn.account.id;
    bob = (await signedInClient(app, instance.services, "bob@example.test")).client;
  });
  afterAll(async () => {
    await app?.close();
    await instance?.dispose();
  });

  const handleOf = async (id: number) => (await findAccountById(instance.services.database, id))?.handle;

  it("gives new accounts a neutral, distinct handle that shows nothing of the address", async () => {
    const handles = [await handleOf(adaId)];
    for (const email of ["first.last@example.test", "first.last@other.test"])
      handles.push((await addUser(instance.services, email, undefined)).account.handle);
    for (const handle of handles) expect(handle).toMatch(/^reader-[0-9a-f]{8}$/);
    expect(new Set(handles).size).toBe(3);
    expect((await app.inject(`/members/${handles[0]}`)).statusCode).toBe(200);
  });

  it("changes the handle from /settings, refusing a form without its CSRF field", async () => {
    await ada.get("/settings");
    expect((await ada.post("/settings/handle", { handle: "augusta" }, { csrf: false })).statusCode).toBe(403);
    expect(await handleOf(adaId)).toMatch(/^reader-/);
    const old = (await handleOf(adaId)) ?? "";
    const changed = await ada.post("/settings/handle", { handle: "  @Augusta " });
    expect(changed.statusCode).toBe(303);
    expect(changed.headers["ratelimit-policy"]).toMatch(/"handle"/);
    expect(await handleOf(adaId)).toBe("augusta");
    const settings = (await ada.get("/settings")).body;
    expect(fieldValue(settings)).toBe("augusta");
    expect(settings).toContain(`Earlier handles leading here: ${old}.`);
    const data = (await ada.get("/settings/data.json")).json();
    expect(data.account).toMatchObject({
      handle: "augusta",
      earlierHandles: [{ handle: old, redirects: true }],
    });
    expect((await app.inject("/members/augusta")).body).toContain("@augusta");
  });

  it("keeps what was typed and says why when a handle is refused", async () => {
    await bob.get("/settings");
    const cases = [
      ["AUGUSTA", 409, "is taken"],
      ["admin", 400, "reserved"],
      ["a b", 400, "only letters a-z"],
      ["ab", 400, "3 to 30 characters"],
    ] as const;
    for (const [typed, status, reason] of cases) {
      const refused = await bob.post("/settings/handle", { handle: typed });
      expect(refused.statusCode, typed).toBe(status);
      expect(refused.body).toContain(reason);
      expect(fieldValue(refused.body)).toBe(typed);
      expect(refused.body).toContain('aria-invalid="true"');
    }
  });

  it("redirects old handles and other letter cases to the member's page", async () => {
    const old = (await ada.get("/settings")).body.match(/Earlier handles leading here: ([^.]+)\./)?.[1] ?? "";
    await ada.post("/settings/handle", { handle: "countess" });
    for (const path of [`/members/${old}`, "/members/augusta", "/members/Countess"]) {
      const answer = await app.inject(path);
      expect(answer.statusCode, path).toBe(301);
      expect(answer.headers.location).toBe("/members/countess");
      expect(answer.headers["cache-control"]).toBe("public, no-cache");
    }
    expect((await app.inject("/members/nobody-here")).statusCode).toBe(404);
  });

  it("reads and changes the handle and name through the API with a token", async () => {
    const { account } = await addUser(instance.services, "erin@example.test", undefined);
    const token = (await createApiToken(instance.services, account, "tests")).token;
    const call = (method: "GET" | "PATCH", payload?: object, auth = `Bearer ${token}`) =>
      app.inject({
        method,
        url: "/api/me",
        headers: { authorization: auth },
        ...(payload ? { payload } : {}),
      });
    expect((await call("GET", undefined, "Bearer pb_forged")).statusCode).toBe(401);
    const check = documentChecker((await app.inject("/api/openapi.json")).json());
    const documented = (method: "GET" | "PATCH", answer: LightMyRequestResponse) => {
      check(method, "/api/me", answer.statusCode, String(answer.headers["content-type"]), answer.body);
      return answer;
    };
    const before = documented("GET", await call("GET"));
    expect(before.headers["cache-control"]).toBe("no-store");
    expect(before.json()).toEqual({ handle: account.handle, name: account.displayName, earlierHandles: [] });
    const changed = documented("PATCH", await call("PATCH", { handle: "@Erin_S" }));
    expect(changed.json()).toEqual({
      handle: "erin_s",
      name: account.displayName,
      earlierHandles: [account.handle],
    });
    const refusals: [object, number, RegExp][] = [
      [{ handle: "Countess" }, 409, /is taken/],
      [{ handle: "settings" }, 400, /reserved/],
      [{ handle: "erin-two", name: "   " }, 400, /cannot be empty/],
      [{ handle: 12 }, 400, /handle must be text/],
    ];
    for (const [body, status, message] of refusals) {
      const refused = documented("PATCH", await call("PATCH", body));
      expect(refused.statusCode, JSON.stringify(body)).toBe(status);
      expect(refused.json().message).toMatch(message);
    }
    expect((await call("PATCH", { name: "Erin S." })).json()).toMatchObject({
      handle: "erin_s",
      name: "Erin S.",
    });
  });

  it("holds an old handle for its owner for a year, then lets others take it", async () => {
    const bobAccount = (await addUser(instance.services, "bob@example.test", undefined)).account;
    const refused = await changeHandle(instance.services, bobAccount, "augusta").catch(
      (e: Error) => e.message,
    );
    expect(refused).toMatch(/is taken/);
    await ada.post("/settings/handle", { handle: "augusta" });
    expect(await handleOf(adaId)).toBe("augusta");
    await ada.post("/settings/handle", { handle: "countess" });
    clock.set(new Date(clock.now().getTime() + (HANDLE_HOLD_DAYS + 1) * DAY_MS));
    await changeHandle(instance.services, bobAccount, "augusta");
    expect((await app.inject("/members/augusta")).body).toContain("@augusta");
    expect(await handleOf(adaId)).toBe("countess");
  });

  it(`keeps the ${KEPT_HANDLES} newest earlier handles and frees the rest`, async () => {
    const account = (await addUser(instance.services, "carol@example.test", undefined)).account;
    let current = account;
    for (let n = 1; n <= KEPT_HANDLES + 2; n += 1) {
      clock.set(new Date(clock.now().getTime() + 60_000));
      current = await changeHandle(instance.services, current, `carol${n}`);
    }
    expect((await app.inject("/members/carol1")).statusCode).toBe(404);
    expect((await app.inject(`/members/carol${KEPT_HANDLES + 1}`)).headers.location).toBe(
      `/members/carol${KEPT_HANDLES + 2}`,
    );
    await deleteAccount(instance.services, current);
    expect((await app.inject(`/members/carol${KEPT_HANDLES + 1}`)).statusCode).toBe(404);
  });

  it("limits how often a handle changes", async () => {
    const dora = (await signedInClient(app, instance.services, "dora@example.test")).client;
    await dora.get("/settings");
    const statuses: number[] = [];
    for (let n = 0; n < 11; n += 1)
      statuses.push((await dora.post("/settings/handle", { handle: `dora-${n}` })).statusCode);
    expect(statuses).toEqual([...Array(10).fill(303), 429]);
  });
});
