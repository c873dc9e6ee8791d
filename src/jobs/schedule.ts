import { addDays, todaysListingDay } from "../core/listing-day.js";
import { newYorkTime } from "../core/new-york-time.js";
import { harvestArxiv } from "../ingestion/arxiv/harvest.js";
import { checkpointName } from "../ingestion/arxiv/harvest-state.js";
import { ingestHfDaily } from "../ingestion/hf/ingest-daily.js";
import { loadCheckpoint } from "../storage/checkpoints.js";
import { digestJob } from "./digest-job.js";
import type { Job } from "./job.js";

// arXiv announces Sunday to Thursday at 20:00 America/New_York; OAI-PMH serves the new records from then on.
const ANNOUNCEMENT_HOUR = 20;
const ANNOUNCES_ON = new Set([0, 1, 2, 3, 4]);
// Hugging Face's list for a day fills during that day and its upvotes keep moving for a few days after.
const HF_EVERY_HOURS = 3;
// A first scheduled harvest takes the last few days; the archive itself comes from the snapshot import or an
// explicit `paperboy ingest arxiv --from`, not from a job that would quietly run for hours.
const FIRST_HARVEST_DAYS = 3;

/**
 * The latest arXiv announcement whose 20:00 America/New_York has passed, named by its New York day. Between
 * Thursday's announcement and Sunday's, that is still Thursday's, so nothing new falls due.
 */
export function arxivAnnouncementPeriod(now: Date): string {
  let { day, hour, weekday } = newYorkTime(now);
  if (hour < ANNOUNCEMENT_HOUR) {
    day = addDays(day, -1);
    weekday = (weekday + 6) % 7;
  }
  while (!ANNOUNCES_ON.has(weekday)) {
    day = addDays(day, -1);
    weekday = (weekday + 6) % 7;
  }
  return day;
}

/** Every few hours, named by the UTC start of the window (2026-11-27T06). */
export function hfWindowPeriod(now: Date): string {
  const start = Math.floor(now.getUTCHours() / HF_EVERY_HOURS) * HF_EVERY_HOURS;
  return `${now.toISOString().slice(0, 10)}T${String(start).padStart(2, "0")}`;
}

const arxivHarvest: Job = {
  name: "arxiv-harvest",
  when: "after each arXiv announcement (Sunday to Thursday, 20:00 America/New_York)",
  period: arxivAnnouncementPeriod,
  async run(services, period, signal) {
    const first = (await loadCheckpoint(services.database, checkpointName(undefined))) === null;
    let from = period;
    for (let i = 0; i < FIRST_HARVEST_DAYS; i += 1) from = addDays(from, -1);
    const report = await harvestArxiv(services, first ? { from } : {}, { signal });
    return `${report.pages} pages, ${report.records} records: added ${report.added}, updated ${report.updated}`;
  },
};

const hfDaily: Job = {
  name: "hf-daily",
  when: `every ${HF_EVERY_HOURS} hours: yesterday's and today's Hugging Face lists (America/New_York days)`,
  period: hfWindowPeriod,
  async run(services, _period, signal) {
    const today = todaysListingDay(services.clock);
    const report = await ingestHfDaily(services, addDays(today, -1), today, { signal });
    return `${report.days} days, ${report.papers} papers: added ${report.added}, featured ${report.featured}`;
  },
};

/** Every scheduled job, in the order a tick runs them. Other parts of Paperboy add theirs here. */
export const SCHEDULE: readonly Job[] = [arxivHarvest, hfDaily, digestJob];
