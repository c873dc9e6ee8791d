import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { importFiles } from "../../src/ingestion/import-files.js";
import { openInput, readLines } from "../../src/ingestion/read-lines.js";
import { dayList } from "../../src/lists/day.js";
import type { Services } from "../../src/services.js";
import { buildApp } from "../../src/web/app.js";
import { sharedPath } from "../shared-data.js";
import { type Percentiles, percentiles, timeEach } from "./latency.js";

const ROUNDS = 200;
/** One half-month of the shared listings; its busiest listing day is the day measured. */
const LISTING = "arxiv-daily-listings/papers/2025-10-b.jsonl.gz";

export interface DayPage {
  readonly day: string;
  readonly papers: number;
  /** The SQL of the day list (50 papers of the day), and the whole page through the app (rendered copy). */
  readonly query: Percentiles;
  readonly page: Percentiles;
}

/**
 * Features the busiest day of one real half-month listing (its papers keep their real ids, which the
 * generated corpus leaves free) and times the day list query and the day page, as a reader gets them.
 */
export async function measureDayPage(services: Services, scratch: string): Promise<DayPage | null> {
  const source = sharedPath(LISTING);
  if (!source) return null;
  const byDay = new Map<string, string[]>();
  for await (const line of readLines(await openInput(source))) {
    const day = String((JSON.parse(line.text) as { listed_on?: unknown }).listed_on);
    byDay.set(day, [...(byDay.get(day) ?? []), line.text]);
  }
  const [day = "", lines = []] = [...byDay].sort((a, b) => b[1].length - a[1].length)[0] ?? [];
  const file = join(scratch, "listing-day.jsonl");
  writeFileSync(file, `${lines.join("\n")}\n`);
  await importFiles(services.database, [file], { format: "listing" });
  const rounds = Array.from({ length: ROUNDS }, (_, i) => i);
  const query = await timeEach(rounds, () => dayList(services.database, day, { page: 1, size: 50 }));
  const app = await buildApp(services);
  try {
    const page = await timeEach(rounds, () => app.inject(`/papers/date/${day}`));
    return { day, papers: lines.length, query: percentiles(query), page: percentiles(page) };
  } finally {
    await app.close();
  }
}
