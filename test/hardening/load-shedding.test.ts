import { brotliDecompressSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { fixedClock } from "../../src/core/clock.js";
import { importFiles } from "../../src/ingestion/import-files.js";
import { buildApp } from "../../src/web/app.js";
import { KNOWN_CURRENT_MS, STALE_WHILE_RENDERING_MS } from "../../src/web/rendered-store.js";
import { BACKENDS } from "../helpers/backends.js";
import { fixture } from "../helpers/fixtures.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

/** Asks until the answer is not 503 (the loop is on time again), for ten seconds at most. */
async function onceOnTime(app: FastifyInstance, url: string): Promise<number> {
  const started = Date.now();
  let status = (await app.inject(url)).statusCode;
  while (status === 503 && Date.now() - started < 10_000) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    status = (await app.inject(url)).statusCode;
  }
  return status;
}

/** Keeps this thread busy for `ms`, as a server does when more work arrives than it can do. */
function busy(ms: number) {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

describe.each(BACKENDS)("load shedding (%s)", (backend) => {
  let instance: TestInstance;
  let app: FastifyInstance;

  beforeAll(async () => {
    instance = await createTestInstance({ backend, clock: fixedClock("2026-07-01T12:00:00Z") });
    await importFiles(instance.services.database, [fixture("listing-small.jsonl")], { format: "listing" });
    app = await buildApp(instance.services, {
      shedding: { running: 1_000, waiting: 0, waitMs: 1_000, loopDelayMs: 40, crowd: 0, keptRenders: 2 },
    });
  });
  afterAll(async () => {
    await app.close();
    await instance.dispose();
  });

  it("answers 503 with Retry-After at once while the event loop runs late, and kept pages still", async () => {
    // Setting up (importing, building the app) kept this thread busy too: first wait until it is on time.
    expect(await onceOnTime(app, "/papers")).toBe(200);
    for (let turn = 0; turn < 8; turn += 1) {
      busy(80);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const refused = await app.inject("/search?q=language");
    expect(refused.statusCode).toBe(503);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    // The kept day page is still answered (rendered anew through a place of its own if its data moved).
    expect((await app.inject("/papers")).statusCode).toBe(200);
    // Once the loop is on time again, the same request is answered.
    expect(await onceOnTime(app, "/search?q=language")).toBe(200);
  });

  it("works on a few requests at once, keeps the next waiting, refuses the rest at once, and answers kept pages", async () => {
    const gated = await buildApp(instance.services, {
      shedding: { running: 1, waiting: 1, waitMs: 10_000, loopDelayMs: 10_000, crowd: 1_000, keptRenders: 2 },
    });
    try {
      expect((await gated.inject("/papers")).statusCode).toBe(200);
      // Four different searches arrive together: one is worked on, one waits for it, the others are refused.
      const [first, second, third, api, day] = await Promise.all([
        gated.inject("/search?q=language"),
        gated.inject("/search?q=model"),
        gated.inject({ url: "/search?q=graph", headers: { "accept-encoding": "br" } }),
        gated.inject("/api/papers/search?q=network"),
        gated.inject("/papers"),
      ]);
      expect([first.statusCode, second.statusCode, third.statusCode, api.statusCode]).toEqual([
        200, 200, 503, 503,
      ]);
      // A person gets a page (prepared once, here compressed), a program JSON; both say when to come back.
      expect(Number(third.headers["retry-after"])).toBeGreaterThan(0);
      expect(third.headers["content-encoding"]).toBe("br");
      expect(brotliDecompressSync(third.rawPayload).toString()).toContain("Paperboy is busy");
      expect(third.headers["cache-control"]).toBe("no-store");
      expect(Number(api.headers["retry-after"])).toBeGreaterThan(0);
      expect(api.json()).toMatchObject({ error: "overloaded" });
      // The kept day page is answered although every place is taken (a recent copy if the data moved).
      expect(day.statusCode).toBe(200);
      expect(day.body).toContain("<html");
    } finally {
      await gated.close();
    }
  });

  it("renders a kept page anew through a place of its own once its copy is too old, while every place for work is taken", async () => {
    const full = (keptRenders: number) =>
      buildApp(instance.services, {
        shedding: { running: 0, waiting: 0, waitMs: 1_000, loopDelayMs: 10_000, crowd: 1_000, keptRenders },
      });
    const without = await full(0);
    const gated = await full(1);
    try {
      // No place at all: the day page's first render is refused like a search.
      expect((await without.inject("/papers")).statusCode).toBe(503);
      expect((await gated.inject("/search?q=language")).statusCode).toBe(503);
      const before = await gated.inject("/papers");
      expect(before.statusCode).toBe(200);
      const paper = await instance.services.database.kysely
        .selectFrom("papers")
        .select("id")
        .executeTakeFirstOrThrow();
      await instance.services.database.kysely
        .updateTable("papers")
        .set({ title: "A title written while the server was full" })
        .where("id", "=", paper.id)
        .execute();
      // While the server is full, a copy kept within the last seconds is answered as it is.
      const recent = await gated.inject("/papers");
      expect(recent.headers.etag).toBe(before.headers.etag);
      vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + STALE_WHILE_RENDERING_MS + 1_000 });
      // One request renders the page anew; those that come meanwhile get the copy kept before, not a 503.
      const [after, ...meanwhile] = await Promise.all([1, 2, 3].map(() => gated.inject("/papers")));
      expect(after?.statusCode).toBe(200);
      expect(after?.headers.etag).not.toBe(before.headers.etag);
      for (const answer of meanwhile) {
        expect(answer.statusCode).toBe(200);
        expect([before.headers.etag, after?.headers.etag]).toContain(answer.headers.etag);
      }
    } finally {
      vi.useRealTimers();
      await without.close();
      await gated.close();
    }
  });

  it("answers an older copy rather than 503 when a kept page's render would wait in the gate's line", async () => {
    const gated = await buildApp(instance.services, {
      shedding: { running: 0, waiting: 0, waitMs: 1_000, loopDelayMs: 10_000, crowd: 1_000, keptRenders: 1 },
    });
    // A render that holds the one place for kept pages' renders until released.
    const holding = "/papers/date/2026-06-29";
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    gated.addHook("preHandler", async (request) => {
      if (request.url === holding) await held;
    });
    try {
      const before = await gated.inject("/papers");
      expect(before.statusCode).toBe(200);
      await instance.services.database.kysely
        .updateTable("papers")
        .set({ title: "Another title written while the server was full" })
        .where(
          "id",
          "=",
          (
            await instance.services.database.kysely
              .selectFrom("papers")
              .select("id")
              .executeTakeFirstOrThrow()
          ).id,
        )
        .execute();
      const holder = gated.inject(holding);
      await new Promise((resolve) => setTimeout(resolve, 50));
      // Past the time a copy is answered behind the data while a render is possible, within the longest.
      vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + STALE_WHILE_RENDERING_MS + 5_000 });
      const answered = await gated.inject("/papers");
      expect(answered.statusCode).toBe(200);
      expect(answered.headers.etag).toBe(before.headers.etag);
      vi.useRealTimers();
      release();
      expect((await holder).statusCode).toBe(200);
      // With the place free again, the page is rendered anew.
      vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + STALE_WHILE_RENDERING_MS + 5_000 });
      const fresh = await gated.inject("/papers");
      expect(fresh.statusCode).toBe(200);
      expect(fresh.headers.etag).not.toBe(before.headers.etag);
    } finally {
      vi.useRealTimers();
      release();
      await gated.close();
    }
  });

  it("answers a copy known current a moment ago before reading the database, while every place is taken", async () => {
    const gated = await buildApp(instance.services, {
      shedding: { running: 0, waiting: 0, waitMs: 1_000, loopDelayMs: 10_000, crowd: 1_000, keptRenders: 1 },
    });
    const { kysely } = instance.services.database;
    try {
      const kept = await gated.inject("/papers");
      expect(kept.statusCode).toBe(200);
      // The data version can no longer be read: only an answer that does not read it succeeds.
      await sql`alter table content_writes rename to content_writes_away`.execute(kysely);
      try {
        const answered = await gated.inject("/papers");
        expect(answered.statusCode).toBe(200);
        expect(answered.headers.etag).toBe(kept.headers.etag);
        expect(answered.body).toBe(kept.body);
        // A validator to compare, or a copy not known current for a while: the version is read.
        const revalidated = await gated.inject({
          url: "/papers",
          headers: { "if-none-match": String(kept.headers.etag) },
        });
        expect(revalidated.statusCode).toBe(500);
        vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + KNOWN_CURRENT_MS + 1_000 });
        expect((await gated.inject("/papers")).statusCode).toBe(500);
      } finally {
        vi.useRealTimers();
        await sql`alter table content_writes_away rename to content_writes`.execute(kysely);
      }
    } finally {
      await gated.close();
    }
  });
});
