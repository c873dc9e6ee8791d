import { join } from "node:path";
import { sql } from "kysely";
import { searchPapers } from "../../src/search/search-papers.js";
import type { Services } from "../../src/services.js";
import type { Database } from "../../src/storage/database.js";
import { indexPendingPapers, mergePendingKeywordEntries } from "../../src/storage/keyword-index-queue.js";
import { generateMonth, writeRecords } from "../corpus/generate.js";
import { readSourceSet } from "../corpus/source-papers.js";
import { sharedListingFiles } from "../shared-data.js";
import { measuredCli } from "./measured-run.js";

/** A day of new arXiv papers, on the scale of arXiv's busiest days. */
export const INCREMENT = 2_000;
/**
 * The month after the newest new-style id in the database (June 2026 for a generated corpus), so that the
 * increment's ids are new however many increments the database has had.
 */
async function nextMonth(database: Database): Promise<{ year: number; month: number }> {
  // New-style ids (YYMM.NNNNN) sort before old-style ones, which start with a letter.
  const { rows } = await sql<{ id: string | null }>`select max(id) as id from papers where id < 'a'`.execute(
    database.kysely,
  );
  const yymm = /^(\d{2})(\d{2})\./.exec(rows[0]?.id ?? "");
  if (!yymm) return { year: 2026, month: 7 };
  const year = 2000 + Number(yymm[1]);
  const month = Number(yymm[2]);
  return month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
}

export interface Increment {
  readonly papers: number;
  readonly importSeconds: number;
  /** The keyword index's part and the embedding's (stored and indexed in the serving process), which overlap. */
  readonly keywordSeconds: number;
  readonly embedSeconds: number;
  /** Import, keyword index, embedding and vector index, until a search in the serving process finds them. */
  readonly findableSeconds: number;
  /** Merging the keyword entries left in PostgreSQL's GIN pending lists, after the papers are findable. */
  readonly mergeSeconds: number;
  /** Papers found first by their exact title, and papers with a vector in the serving process's index. */
  readonly foundByTitle: number;
  readonly embedded: number;
}

/**
 * A day's new papers: imported by `paperboy import` (its own process, as a cron job would), then indexed for
 * keyword search and embedded by the serving process (`services`) with the embedder it has (no retraining).
 * `serve` does the two on timers of their own, so they overlap there, and here: the database server turns the
 * texts into keyword-index entries while this process embeds.
 */
export async function measureIncrement(
  services: Services,
  scratch: string,
  env: Record<string, string>,
  seed: number,
): Promise<Increment | null> {
  const files = sharedListingFiles();
  if (!files) return null;
  const file = join(scratch, "increment.jsonl.gz");
  const month = await nextMonth(services.database);
  // A seed of the month's own: a database measured again (bench scale --database) holds the month before's
  // increment, and the same seed would repeat its titles and abstracts under new ids.
  const monthSeed = seed + 1 + (month.year * 12 + month.month - (2026 * 12 + 7));
  const records = [...generateMonth(await readSourceSet(files), month, INCREMENT, monthSeed)];
  await writeRecords(file, records);
  const before = services.semantic.size;
  const started = performance.now();
  const imported = await measuredCli(["import", "--format", "arxiv-snapshot", file], env);
  const [keywordSeconds, embedSeconds] = await Promise.all([
    secondsOf(() => indexPendingPapers(services.database)),
    secondsOf(() => services.semantic.refresh()),
  ]);
  const findableSeconds = (performance.now() - started) / 1000;
  // Findable already; what serve's keyword timer does next so that later searches need not read GIN's pending
  // lists (PostgreSQL; nothing on SQLite).
  const mergeSeconds = await secondsOf(() => mergePendingKeywordEntries(services.database));
  let foundByTitle = 0;
  for (const record of records) {
    const outcome = await searchPapers(
      { database: services.database, semantic: services.semantic },
      { q: record.title.replace(/\s+/g, " "), mode: "hybrid", offset: 0, limit: 5 },
    );
    if (outcome.papers[0]?.id === record.id) foundByTitle += 1;
  }
  return {
    papers: records.length,
    importSeconds: imported.seconds,
    keywordSeconds,
    embedSeconds,
    findableSeconds,
    mergeSeconds,
    foundByTitle,
    embedded: services.semantic.size - before,
  };
}

async function secondsOf(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}
