import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../../src/community/accounts.js";
import { MAX_LIVE_TOKENS } from "../../src/community/api-tokens.js";
import { startSession } from "../../src/community/sessions.js";
import { buildApp } from "../../src/web/app.js";
import { authenticateBearer } from "../../src/web/auth/bearer.js";
import { RATE_RULES } from "../../src/web/rate-limit.js";
import { BACKENDS } from "../helpers/backends.js";
import { FormClient } from "../helpers/form-client.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

describe.each(BACKENDS)("API tokens (%s)", (backend) => {
  let instance: TestInstance;
  let app: FastifyInstance;
  let client: FormClient;
  let graceId: number;

  beforeAll(async () => {
    instance = await createTestInstance({ backend });
    const { account } = await addUser(instance.services, "grace@example.org", undefined);
    graceId = account.id;
    app = await buildApp(instance.services);
    client = new FormClient(app);
    client.cookies.set("paperboy_session", (await startSession(instance.services, account.id)).token);
  });
  afterAll(async () => {
    await app.close();
    await instance.dispose();
  });

  it("creates a token on /settings, shows it once, stores only its hash, and revokes it", async () => {
    await client.get("/settings");
    const created = await client.post("/settings/tokens", { name: "nightly script" });
    const token = /<code class="token">(pb_[\w-]+)<\/code>/.exec(created.body)?.[1] ?? "";
    expect(token).toMatch(/^pb_[\w-]{43}$/);
    expect((await client.get("/settings")).body).not.toContain(token);

    const stored = await instance.services.database.kysely.selectFrom("api_tokens").selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(token);

    const account = await authenticateBearer(instance.services, `Bearer ${token}`);
    expect(account?.id).toBe(graceId);
    expect(await authenticateBearer(instance.services, `Bearer ${token}x`)).toBeNull();
    expect(await authenticateBearer(instance.services, undefined)).toBeNull();

    const id = stored[0]?.id ?? 0;
    expect((await client.post(`/settings/tokens/${id}/revoke`, {})).statusCode).toBe(303);
    expect(await authenticateBearer(instance.services, `Bearer ${token}`)).toBeNull();
  });

  it("holds at most MAX_LIVE_TOKENS live tokens per account; revoking one makes room", async () => {
    await client.get("/settings");
    const live = await instance.services.database.kysely
      .selectFrom("api_tokens")
      .select("id")
      .where("revoked_at", "is", null)
      .execute();
    for (let i = live.length; i < MAX_LIVE_TOKENS; i += 1)
      expect((await client.post("/settings/tokens", { name: `script ${i}` })).statusCode).toBe(200);
    const refused = await client.post("/settings/tokens", { name: "one too many" });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain(`at most ${MAX_LIVE_TOKENS} tokens`);
    const [newest] = await instance.services.database.kysely
      .selectFrom("api_tokens")
      .select("id")
      .where("revoked_at", "is", null)
      .orderBy("id", "desc")
      .execute();
    await client.post(`/settings/tokens/${newest?.id}/revoke`, {});
    expect((await client.post("/settings/tokens", { name: "room again" })).statusCode).toBe(200);
  });

  it("limits how often an account creates tokens, however many it revokes in between", async () => {
    const { account } = await addUser(instance.services, "hopper@example.org", undefined);
    const hopper = new FormClient(app);
    hopper.cookies.set("paperboy_session", (await startSession(instance.services, account.id)).token);
    await hopper.get("/settings");
    const tokens = () =>
      instance.services.database.kysely
        .selectFrom("api_tokens")
        .select("id")
        .where("user_id", "=", account.id);
    const { perAccount } = RATE_RULES.apiToken;
    for (let n = 0; n < perAccount; n += 1) {
      expect((await hopper.post("/settings/tokens", { name: `loop ${n}` })).statusCode).toBe(200);
      const [newest] = await tokens().orderBy("id", "desc").execute();
      expect((await hopper.post(`/settings/tokens/${newest?.id}/revoke`, {})).statusCode).toBe(303);
    }
    const refused = await hopper.post("/settings/tokens", { name: "one more" });
    expect(refused.statusCode).toBe(429);
    expect(refused.body).toContain(`You have done that too often (api-token: ${perAccount} per 60 minutes)`);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect(await tokens().execute()).toHaveLength(perAccount);
  });

  it("never takes a session cookie as authentication under /api/", async () => {
    const { requireBearerAccount } = await import("../../src/web/auth/bearer.js");
    let seen: unknown = "unset";
    const apiApp = await buildApp(instance.services);
    apiApp.get("/api/test-whoami", async (request) => {
      seen = request.account;
      await requireBearerAccount(instance.services, request);
      return { ok: true };
    });
    try {
      const response = await apiApp.inject({
        url: "/api/test-whoami",
        headers: { cookie: `paperboy_session=${client.cookies.get("paperboy_session")}` },
      });
      expect(seen).toBeNull();
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ error: "unauthorized" });
    } finally {
      await apiApp.close();
    }
  });

  it("will not let one account revoke another's token", async () => {
    const response = await client.post("/settings/tokens/999/revoke", {});
    expect(response.statusCode).toBe(404);
  });
});

describe.each(BACKENDS)("paperboy user add (%s)", (backend) => {
  it("creates an account, promotes it, and refuses a bad role", async () => {
    const instance = await createTestInstance({ backend });
    try {
      const first = await addUser(instance.services, "Linus@Example.org", undefined);
      expect(first).toMatchObject({ created: true, account: { email: "linus@example.org", role: "member" } });
      const promoted = await addUser(instance.services, "linus@example.org", "admin");
      expect(promoted).toMatchObject({ created: false, account: { role: "admin" } });
      const twin = await addUser(instance.services, "linus@example.net", undefined);
      expect(twin.account.handle).not.toBe(first.account.handle);
      for (const { account } of [first, twin]) expect(account.handle).toMatch(/^reader-[0-9a-f]{8}$/);
      await expect(addUser(instance.services, "not-an-address", undefined)).rejects.toThrow(/not an email/);
    } finally {
      await instance.dispose();
    }
  });
});
