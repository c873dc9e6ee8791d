/**
 * Community paths on a synthetic instance (SQLite file): 20,000 papers featured over the last week, 500 accounts,
 * about 100,000 upvotes and 5,000 comments. Prints the time to compute the trending list, the upvote write rate,
 * and day and trending pages for a signed-in member (in process, sequential: the first answer, then the kept page).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addUser } from "../src/community/accounts.js";
import { startSession } from "../src/community/sessions.js";
import { setUpvote } from "../src/community/upvotes.js";
import { loadConfig } from "../src/config.js";
import { fixedClock } from "../src/core/clock.js";
import { addDays, listingDayOf } from "../src/core/listing-day.js";
import type { IncomingPaper } from "../src/core/paper.js";
import { trendingOrder } from "../src/lists/trending-cache.js";
import { createServices, type Services } from "../src/services.js";
import { upsertPapers } from "../src/storage/upsert-papers.js";
import { buildApp } from "../src/web/app.js";

const PAPERS = 20_000;
const ACCOUNTS = 500;
const NOW = new Date("2026-07-01T16:00:00Z");

function paper(i: number): IncomingPaper {
  const id = `2606.${String(i).padStart(5, "0")}`;
  return {
    record: {
      id,
      title: `Synthetic paper ${i}`,
      abstract: "A paper made up for the community benchmark.",
      authors: ["A. Author"],
      categories: ["cs.LG"],
      comment: null,
      journalRef: null,
      doi: null,
      license: null,
      versions: [{ version: 1, created: "2026-06-20T00:00:00Z" }],
      published: "2026-06-20T00:00:00Z",
      updated: "2026-06-20T00:00:00Z",
      withdrawn: false,
    },
    featureOn: addDays(listingDayOf(NOW), -(i % 8)),
  };
}

async function fill(services: Services) {
  const batch = Array.from({ length: PAPERS }, (_, i) => paper(i));
  await upsertPapers(services.database, batch, {
    submitterId: null,
    source: "bench",
    now: NOW.toISOString(),
  });
  const db = services.database.kysely;
  for (let a = 0; a < ACCOUNTS; a += 1) {
    const { account } = await addUser(services, `member${a}@example.org`, undefined);
    // Popularity falls off like a power law: low-numbered papers get most votes.
    const rows = Array.from({ length: 200 }, () => ({
      user_id: account.id,
      paper_id: batch[Math.floor(PAPERS * Math.random() ** 3)]?.record.id ?? "",
      created_at: NOW.toISOString(),
    }));
    await db
      .insertInto("upvotes")
      .values(rows)
      .onConflict((oc) => oc.doNothing())
      .execute();
    const comments = Array.from({ length: 10 }, (_, k) => ({
      paper_id: batch[(a * 10 + k) % 2000]?.record.id ?? "",
      user_id: account.id,
      parent_id: null,
      body: "Interesting.",
      created_at: NOW.toISOString(),
    }));
    await db.insertInto("comments").values(comments).execute();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function timed(runs: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return median(times);
}

export async function run() {
  const directory = mkdtempSync(join(tmpdir(), "paperboy-bench-community-"));
  const config = loadConfig({
    DATABASE_URL: `sqlite:${join(directory, "bench.db")}`,
    SECRET_KEY: "bench-secret-key-that-is-long-enough-0123456789",
    LOG_LEVEL: "silent",
  });
  const services = await createServices(config, { clock: fixedClock(NOW) });
  try {
    await fill(services);
    const upvotes = await services.database.kysely
      .selectFrom("upvotes")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirst();
    console.log(
      `instance: ${PAPERS} papers over 8 days, ${ACCOUNTS} accounts, ${upvotes?.n} upvotes, 5000 comments`,
    );
    const trending = await timed(10, () => trendingOrder(services.database, NOW));
    console.log(
      `trending order (score and sort every paper of the last week): ${trending.toFixed(1)} ms median`,
    );

    const { account } = await addUser(services, "bench@example.org", undefined);
    const started = performance.now();
    const writes = 2000;
    for (let i = 0; i < writes; i += 1)
      await setUpvote(services, account, paper(i % 500).record.id, i % 2 === 0);
    const perSecond = writes / ((performance.now() - started) / 1000);
    console.log(`upvote writes (set on/off through the service): ${Math.round(perSecond)} /s`);

    const app = await buildApp(services);
    const cookie = `paperboy_session=${(await startSession(services, account.id)).token}`;
    for (const url of [`/papers/date/${listingDayOf(NOW)}`, "/papers/trending"]) {
      // The first answer renders the page; later ones are the page kept for this data version.
      const first = await timed(1, () => app.inject({ url, headers: { cookie } }));
      const ms = await timed(20, () => app.inject({ url, headers: { cookie } }));
      console.log(
        `${url} for a signed-in member: first ${first.toFixed(1)} ms, then ${ms.toFixed(1)} ms median (in process, sequential)`,
      );
    }
    await app.close();
  } finally {
    await services.close();
    rmSync(directory, { recursive: true, force: true });
  }
}
