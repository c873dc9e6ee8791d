import Database from "better-sqlite3";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "../../src/community/api-tokens.js";
import { buildApp } from "../../src/web/app.js";
import { signedInClient } from "../helpers/accounts.js";
import { loadListingFixture } from "../helpers/api.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

// Another process holding SQLite's one writer past the 5 s wait fails a write: the reader is told to try again
// shortly (503 with Retry-After), not that something broke (500).
describe("a write while another process holds SQLite's write lock (sqlite)", () => {
  let instance: TestInstance;
  let app: FastifyInstance;
  let token: string;
  let paper: string;

  beforeAll(async () => {
    instance = await createTestInstance();
    await loadListingFixture(instance.services);
    app = await buildApp(instance.services);
    const { account } = await signedInClient(app, instance.services, "ada@example.org");
    token = (await createApiToken(instance.services, account, "tests")).token;
    const row = await instance.services.database.kysely
      .selectFrom("papers")
      .select("id")
      .orderBy("id")
      .executeTakeFirstOrThrow();
    paper = row.id;
  });
  afterAll(async () => {
    await app?.close();
    await instance?.dispose();
  });

  const save = () =>
    app.inject({
      method: "POST",
      url: `/api/papers/${paper}/save`,
      headers: { authorization: `Bearer ${token}` },
    });

  it("answers 503 with Retry-After, and the same request succeeds once the lock is let go", async () => {
    const native = instance.services.database.native;
    if (native.kind !== "sqlite") throw new Error("a SQLite instance is needed");
    const holder = new Database(native.db.name);
    holder.exec("begin immediate");
    let busy: Awaited<ReturnType<typeof save>>;
    try {
      busy = await save();
    } finally {
      holder.exec("rollback");
      holder.close();
    }
    expect(busy.statusCode).toBe(503);
    expect(busy.headers["retry-after"]).toBe("5");
    expect(busy.json()).toMatchObject({ error: "unavailable", message: expect.stringMatching(/busy/) });
    const saved = await save();
    expect(saved.statusCode).toBeLessThan(300);
  }, 30_000);
});
