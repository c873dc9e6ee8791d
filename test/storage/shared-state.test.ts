import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../../src/community/accounts.js";
import { startSession } from "../../src/community/sessions.js";
import { createDatabaseRateLimitStore } from "../../src/storage/rate-limit-windows.js";
import { buildApp } from "../../src/web/app.js";
import { BACKENDS } from "../helpers/backends.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const WINDOW_MS = 60_000;
const NOW = Date.UTC(2026, 6, 1, 12, 0, 30);

/** Two Paperboy instances on one database, as two processes behind a proxy would be. */
describe.each(BACKENDS)("state shared by processes on one database (%s)", (backend) => {
  let one: TestInstance;
  let two: TestInstance;
  let appTwo: FastifyInstance;
  beforeAll(async () => {
    one = await createTestInstance({ backend });
    two = await createTestInstance({ backend, databaseUrl: one.config.databaseUrl });
    appTwo = await buildApp(two.services);
  });
  afterAll(async () => {
    await appTwo.close();
    await two.dispose();
    await one.dispose();
  });

  it("counts concurrent hits from both processes in one window, and starts a new window after it", async () => {
    const stores = [
      createDatabaseRateLimitStore(one.services.database),
      createDatabaseRateLimitStore(two.services.database),
    ];
    const hits = await Promise.all(
      Array.from({ length: 40 }, (_, i) => stores[i % 2]?.hit("sign-in:ada@example.org", WINDOW_MS, NOW)),
    );
    expect(hits.map((hit) => hit?.count).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    expect(hits[0]?.resetAtMs).toBe(Date.UTC(2026, 6, 1, 12, 1, 0));
    const next = await stores[1]?.hit("sign-in:ada@example.org", WINDOW_MS, NOW + WINDOW_MS);
    expect(next).toEqual({ count: 1, resetAtMs: Date.UTC(2026, 6, 1, 12, 2, 0) });
    expect((await stores[0]?.hit("sign-in:bob@example.org", WINDOW_MS, NOW))?.count).toBe(1);
  });

  it("uses the database store where processes share the database", () => {
    const shared = one.services.database.capabilities.sharedByProcesses;
    expect(shared).toBe(backend === "postgres");
  });

  it("knows a session started by one process in the other", async () => {
    const { account } = await addUser(one.services, "grace@example.org", undefined);
    const { token } = await startSession(one.services, account.id);
    const response = await appTwo.inject({ url: "/settings", cookies: { paperboy_session: token } });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(account.handle);
    const anonymous = await appTwo.inject({ url: "/settings" });
    expect(anonymous.statusCode).toBe(303);
  });
});
