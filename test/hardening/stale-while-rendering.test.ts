import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/core/clock.js";
import { importFiles } from "../../src/ingestion/import-files.js";
import { buildApp } from "../../src/web/app.js";
import { BACKENDS } from "../helpers/backends.js";
import { fixture } from "../helpers/fixtures.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

describe.each(BACKENDS)("kept pages under a stream of writes (%s)", (backend) => {
  let instance: TestInstance;
  let app: FastifyInstance;

  beforeAll(async () => {
    instance = await createTestInstance({ backend, clock: fixedClock("2026-07-01T12:00:00Z") });
    await importFiles(instance.services.database, [fixture("listing-small.jsonl")], { format: "listing" });
    app = await buildApp(instance.services);
  });
  afterAll(async () => {
    await app.close();
    await instance.dispose();
  });

  it("renders a page with no copy yet once, however many readers ask during that first render", async () => {
    const address = "/papers/new/2026-06-30";
    // A request that reaches its handler renders the page; a kept copy is answered before that.
    let renders = 0;
    app.addHook("preHandler", async (request) => {
      if (request.url === address) renders += 1;
    });
    // All five arrive while the first is rendered (each parses as soon as the one before has passed its hooks).
    const answers = await Promise.all(Array.from({ length: 5 }, () => app.inject(address)));
    expect(answers.map((answer) => answer.statusCode)).toEqual(Array(5).fill(200));
    expect(renders).toBe(1);
    expect(new Set(answers.map((answer) => answer.headers.etag)).size).toBe(1);
    expect(new Set(answers.map((answer) => answer.body)).size).toBe(1);
    expect(answers[0]?.body).toMatch(/2606\.\d{5}/);
  });

  it("renders a page once after a write, answering the copy kept before meanwhile", async () => {
    const before = await app.inject("/papers");
    expect(before.statusCode).toBe(200);
    const db = instance.services.database.kysely;
    await db
      .insertInto("users")
      .values({ handle: "writer", email: null, display_name: "W", role: "member", created_at: "2026-06-30" })
      .execute();
    // Five readers at once: one renders the page anew, the others get the copy kept before at once.
    const answers = await Promise.all(Array.from({ length: 5 }, () => app.inject("/papers")));
    expect(answers.map((answer) => answer.statusCode)).toEqual(Array(5).fill(200));
    const fresh = answers.filter((answer) => answer.headers.etag !== before.headers.etag);
    const kept = answers.filter((answer) => answer.headers.etag === before.headers.etag);
    expect(fresh).toHaveLength(1);
    expect(kept).toHaveLength(4);
    for (const answer of kept) expect(answer.body).toBe(before.body);
  });
});
