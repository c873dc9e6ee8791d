import type { Config } from "../../config.js";
import type { Clock } from "../../core/clock.js";
import { AppError, invalid, upstream } from "../../core/errors.js";
import { type Day, parseDay } from "../../core/listing-day.js";
import type { IncomingPaper } from "../../core/paper.js";
import { findAccountIdByHandle } from "../../storage/accounts.js";
import type { Database } from "../../storage/database.js";
import { upsertPapers } from "../../storage/upsert-papers.js";
import { addCounts, emptyCounts, type UpsertCounts } from "../../storage/upsert-types.js";
import type { ExternalSources } from "../http/sources.js";
import { IMPORT_ACCOUNT } from "../import-files.js";
import { parseDailyPapers } from "./daily-papers.js";

export const HUGGING_FACE = "Hugging Face";
// The API's largest page; a day's list rarely exceeds it, and pages are asked for until one comes back short.
const PAGE_SIZE = 100;
const MAX_DAYS = 366;

/** What the Hugging Face ingestion uses: its polite client and API address, the database and the clock. */
export interface HfDailyDeps {
  readonly database: Database;
  readonly clock: Clock;
  readonly sources: Pick<ExternalSources, "huggingFace">;
  readonly config: Pick<Config, "hfApiUrl">;
}

export interface DailyReport extends UpsertCounts {
  readonly days: number;
  readonly papers: number;
}

/**
 * Imports Hugging Face's daily lists for each day from `from` to `until` (inclusive): the papers' metadata is
 * upserted, each is featured on that listing day, and HF's upvote count is stored as external upvotes. Each
 * day commits as one transaction; a re-run changes only the upvote counts that moved.
 */
export async function ingestHfDaily(
  services: HfDailyDeps,
  from: Day,
  until: Day,
  options: { signal?: AbortSignal; onDay?: (day: Day, papers: number) => void } = {},
): Promise<DailyReport> {
  const days = daysBetween(parseDay(from), parseDay(until));
  const submitterId = await findAccountIdByHandle(services.database, IMPORT_ACCOUNT);
  const counts = emptyCounts();
  let papers = 0;
  for (const day of days) {
    options.signal?.throwIfAborted();
    const entries = await fetchDay(services, day, options.signal);
    const now = services.clock.now().toISOString();
    addCounts(counts, await upsertPapers(services.database, entries, { submitterId, source: "hf", now }));
    papers += entries.length;
    options.onDay?.(day, entries.length);
  }
  return { ...counts, days: days.length, papers };
}

/** Hugging Face features a few dozen papers a day; this many full pages means the server is misbehaving. */
const MAX_PAGES_PER_DAY = 50;

async function fetchDay(services: HfDailyDeps, day: Day, signal?: AbortSignal): Promise<IncomingPaper[]> {
  const entries: IncomingPaper[] = [];
  for (let page = 0; ; page += 1) {
    const url = new URL(`${services.config.hfApiUrl}/api/daily_papers`);
    url.searchParams.set("date", day);
    url.searchParams.set("limit", String(PAGE_SIZE));
    if (page > 0) url.searchParams.set("p", String(page));
    const response = await services.sources.huggingFace.get(url.toString(), {
      source: HUGGING_FACE,
      accept: "application/json",
      ...(signal ? { signal } : {}),
    });
    const batch = readDay(response.body.toString("utf8"), day, url);
    // A server that ignores `p` answers the first page again and again: stop at the first page with no paper
    // not seen already, and at a bound no real day comes near.
    const seen = new Set(entries.map((entry) => entry.record.id));
    const fresh = batch.filter((entry) => !seen.has(entry.record.id));
    entries.push(...fresh);
    if (batch.length < PAGE_SIZE || fresh.length === 0) return entries;
    if (page + 1 >= MAX_PAGES_PER_DAY)
      throw upstream(
        `${HUGGING_FACE}: ${day} still had more papers after ${MAX_PAGES_PER_DAY} pages (${url})`,
      );
  }
}

function readDay(body: string, day: Day, url: URL): IncomingPaper[] {
  try {
    return parseDailyPapers(body, HUGGING_FACE, day);
  } catch (error) {
    if (error instanceof AppError) throw upstream(`${error.message} (${url})`);
    throw error;
  }
}

function daysBetween(from: Day, until: Day): Day[] {
  if (from > until) throw invalid(`--from ${from} is after --until ${until}`);
  const days: Day[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${until}T00:00:00Z`); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
    if (days.length > MAX_DAYS) throw invalid(`at most ${MAX_DAYS} days per run`);
  }
  return days;
}
