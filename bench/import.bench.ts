/**
 * Import throughput: the whole shared listing corpus (74,728 papers in 32 gzip files) through
 * `paperboy import --format listing`, process start included, into a fresh SQLite file; then the keyword
 * index the import queued, built as `paperboy index` and `serve` build it; then the same files again, which
 * must find every paper unchanged. Reading and parsing the files alone (one thread, no database) is timed
 * first, with the machine's load: on a shared machine the ratio of the figures says more than either.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sharedListingFiles } from "./shared-data.js";

const CLI = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
const PARSER = new URL("../dist/ingestion/parse-batches.js", import.meta.url).href;
const QUEUE = new URL("../dist/storage/keyword-index-queue.js", import.meta.url).href;
const OPEN = new URL("../dist/storage/open.js", import.meta.url).href;

async function timedKeywordIndex(databaseUrl: string) {
  const { indexPendingPapers } = (await import(
    QUEUE
  )) as typeof import("../src/storage/keyword-index-queue.js");
  const { openDatabase } = (await import(OPEN)) as typeof import("../src/storage/open.js");
  const database = openDatabase(databaseUrl);
  try {
    const started = performance.now();
    const papers = await indexPendingPapers(database);
    return { papers, seconds: (performance.now() - started) / 1000 };
  } finally {
    await database.close();
  }
}

async function timedParse(files: string[]) {
  const { parseBatches } = (await import(PARSER)) as typeof import("../src/ingestion/parse-batches.js");
  const started = performance.now();
  let records = 0;
  for await (const batch of parseBatches(files, "listing", 5000)) records += batch.read;
  return { records, seconds: (performance.now() - started) / 1000 };
}

const perSecond = (count: number, seconds: number) => Math.round(count / seconds).toLocaleString("en-US");

function timedImport(databaseUrl: string, files: string[]) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [CLI, "import", "--format", "listing", ...files], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" },
    encoding: "utf8",
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`import failed: ${result.stderr}`);
  return { seconds, summary: result.stdout.trim() };
}

export async function run() {
  const files = sharedListingFiles();
  if (!files) return;
  console.log(
    `load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(" ")} on this machine`,
  );
  const parsed = await timedParse(files);
  console.log(
    `reading and parsing alone: ${parsed.records} records, ${parsed.seconds.toFixed(2)} s, ${perSecond(parsed.records, parsed.seconds)} records/s`,
  );
  const directory = mkdtempSync(join(tmpdir(), "paperboy-bench-import-"));
  try {
    const url = `sqlite:${join(directory, "bench.db")}`;
    const first = timedImport(url, files);
    const papers = Number(/added (\d+)/.exec(first.summary)?.[1] ?? 0);
    console.log(`fresh import: ${first.summary}`);
    console.log(
      `  ${first.seconds.toFixed(2)} s, ${perSecond(papers, first.seconds)} papers/s (process start included); ${(first.seconds / parsed.seconds).toFixed(2)} x the parse-alone time`,
    );
    const index = await timedKeywordIndex(url);
    console.log(
      `keyword index of the queued papers: ${index.papers} papers, ${index.seconds.toFixed(2)} s, ${perSecond(index.papers, index.seconds)} papers/s`,
    );
    console.log(
      `  stored and keyword-searchable: ${(first.seconds + index.seconds).toFixed(2)} s, ${perSecond(papers, first.seconds + index.seconds)} papers/s`,
    );
    const again = timedImport(url, files);
    console.log(`second import: ${again.summary}`);
    console.log(
      `  ${again.seconds.toFixed(2)} s, ${perSecond(papers, again.seconds)} papers/s; ${(again.seconds / parsed.seconds).toFixed(2)} x the parse-alone time`,
    );
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
