import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/core/clock.js";
import { importFiles } from "../../src/ingestion/import-files.js";
import { DeadlineExceeded, isDeadlineError, withDeadline } from "../../src/storage/deadline.js";
import { buildApp } from "../../src/web/app.js";
import { BACKENDS } from "../helpers/backends.js";
import { fixture } from "../helpers/fixtures.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const BUDGET_MS = 300;

/** A statement that would run for minutes: a recursive count on SQLite, a sleep on PostgreSQL. */
function endless(instance: TestInstance) {
  return instance.backend === "sqlite"
    ? sql`with recursive c(x) as (select 1 union all select x + 1 from c where x < 2000000000) select count(*) from c`
    : sql`select pg_sleep(120)`;
}

/**
 * The shapes of query that stalled the server in the audit; each round's first word differs, so that every
 * round runs its searches afresh instead of sharing the previous round's results.
 */
function hostileQueries(round: number): string[] {
  const first = "xyz"[round % 3];
  return [
    `/search?mode=keyword&q=${encodeURIComponent(`${first} ${"a ".repeat(249)}`)}`,
    `/search?q=${encodeURIComponent(`${first} ${"model ".repeat(83)}`)}`,
    `/api/papers/search?q=${encodeURIComponent(`${first} ${"the of and model learning ".repeat(10)}`.slice(0, 250))}`,
    `/search?mode=hybrid&q=${encodeURIComponent(`${first} ${Array.from({ length: 60 }, (_, i) => `w${i} the`).join(" ")}`)}`,
  ];
}

describe.each(BACKENDS)("searches on a budget (%s)", (backend) => {
  let instance: TestInstance;
  let app: FastifyInstance;

  beforeAll(async () => {
    instance = await createTestInstance({
      backend,
      clock: fixedClock("2026-07-01T12:00:00Z"),
      env: { SEARCH_TIME_BUDGET_MS: String(BUDGET_MS), SEARCH_RATE_LIMIT: "1000" },
    });
    await importFiles(instance.services.database, [fixture("listing-small.jsonl")], { format: "listing" });
    app = await buildApp(instance.services);
    // serve builds the semantic index at start; here the first hybrid search would.
    await app.inject("/search?mode=hybrid&q=warm%20up");
  });
  afterAll(async () => {
    await app.close();
    await instance.dispose();
  });

  it("stops a search reader's statement at its deadline without stalling this thread", async () => {
    const reader = instance.services.search.database;
    const started = Date.now();
    let ticks = 0;
    const ticker = setInterval(() => {
      ticks += 1;
    }, 10);
    const error = await withDeadline(started + BUDGET_MS, () =>
      endless(instance).execute(reader.kysely),
    ).catch((caught: unknown) => caught);
    clearInterval(ticker);
    const took = Date.now() - started;
    expect(isDeadlineError(error), String(error)).toBe(true);
    expect(took).toBeLessThan(BUDGET_MS + 1_000);
    // The event loop kept turning while the statement ran (it would have frozen on this thread).
    expect(ticks).toBeGreaterThan(BUDGET_MS / 10 / 3);
    // The reader is usable at once afterwards.
    const row = await sql<{ n: number }>`select count(*) as n from papers`.execute(reader.kysely);
    expect(Number(row.rows[0]?.n)).toBe(180);
    expect(new DeadlineExceeded()).toBeInstanceOf(Error);
  });

  it("answers the audit's hostile queries within the budget while a page answers at once", async () => {
    const timePage = async () => {
      const pageStarted = Date.now();
      const page = await app.inject("/papers");
      expect(page.statusCode).toBe(200);
      return Date.now() - pageStarted;
    };
    // The same page alone first: what the machine takes for it now, whatever else runs on it. A machine shared
    // with other work can stall any one measurement, so the best of three rounds counts.
    const excess: number[] = [];
    for (let round = 0; round < 3; round += 1) {
      const alone = Math.min(await timePage(), await timePage());
      const started = Date.now();
      const searches = hostileQueries(round).map(async (url) => {
        const response = await app.inject(url);
        return { url, status: response.statusCode, took: Date.now() - started };
      });
      const beside = await timePage();
      for (const search of await Promise.all(searches)) {
        expect(search.status, search.url).toBe(200);
        expect(search.took, search.url).toBeLessThan(BUDGET_MS + 1_500);
      }
      excess.push(beside - alone);
    }
    // The searches do not hold the page up: neither their statements (reader threads, a pool of their own) nor
    // their result pages (rendered after the requests already waiting) delay it by 100 ms.
    expect(Math.min(...excess)).toBeLessThan(100);
  });

  it("says a search is partial when its statements ran out of time", async () => {
    if (backend !== "postgres") return;
    // Another session holds the papers' search table: every keyword statement waits until its timeout.
    const blocker = new pg.Client({ connectionString: instance.config.databaseUrl });
    await blocker.connect();
    await blocker.query("begin");
    await blocker.query("lock table paper_search in access exclusive mode");
    try {
      const started = Date.now();
      const response = await app.inject("/search?mode=keyword&q=language%20models%20partial");
      expect(response.statusCode).toBe(200);
      expect(Date.now() - started).toBeLessThan(BUDGET_MS + 1_500);
      expect(response.body).toContain("ran out of time");
    } finally {
      await blocker.query("rollback");
      await blocker.end();
    }
  });
});
