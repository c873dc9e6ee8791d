/**
 * `npm run bench -- scale --papers N [--seed S] [--databases sqlite,postgres,pgvector] [--port P]`: the whole
 * archive on one machine. Generates (or reuses) the corpus of N papers (bench/corpus.bench.ts), then on each
 * database from empty: `paperboy import` of the snapshot file, `paperboy index` (keyword index, embedder
 * trained on a sample, every paper embedded in a stream, vector index), search latency in one warm process with
 * 200 real titles and 200 real 2-4 word phrases, similar papers, the day page, a day's increment of 2,000
 * papers, `serve`'s resident memory and the size on disk; then prints the table. PostgreSQL needs
 * BENCH_DATABASE_URL (or TEST_DATABASE_URL). `--keep` leaves the SQLite database in place and prints where, for
 * measurements that start from a loaded archive (bench hnsw). `--database URL` measures only the searches, on an
 * archive loaded before (one kept by `--keep`), after a first refresh of its vector index.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../src/config.js";
import { createServices } from "../src/services.js";
import { DEFAULT_PAPERS, ensureCorpus } from "./corpus.bench.js";
import { benchDatabases } from "./databases.js";
import { type BenchOptions, countOption } from "./options.js";
import { benchQueries } from "./scale/queries.js";
import { latencyRows, printTable } from "./scale/report.js";
import { searchLatencies } from "./scale/search-latency.js";
import { runSequence, SECRET_KEY } from "./scale/sequence.js";

export async function run(options: BenchOptions): Promise<void> {
  if (options.database) return searchesOnly(options.database);
  const papers = countOption(options, "papers", DEFAULT_PAPERS);
  const seed = countOption(options, "seed", 1);
  const port = countOption(options, "port", 3390);
  const corpus = await ensureCorpus(papers, seed);
  const queries = await benchQueries();
  if (!corpus || !queries) return;
  for (const factory of benchDatabases("scale", (options.databases ?? "sqlite").split(","))) {
    const database = await factory.create();
    const scratch = mkdtempSync(join(tmpdir(), "paperboy-scale-"));
    console.log(`-- ${database.label}, ${papers.toLocaleString("en-US")} papers; load ${load()}`);
    try {
      const figures = await runSequence({ url: database.url, corpus, queries, scratch, seed, port });
      printTable(database.label, papers, figures, load());
    } finally {
      if (options.keep && database.label === "sqlite") console.log(`kept: ${database.url}`);
      else await database.dispose();
      rmSync(scratch, { recursive: true, force: true });
    }
  }
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(" / ");

async function searchesOnly(url: string): Promise<void> {
  const queries = await benchQueries();
  if (!queries) return;
  const config = loadConfig({
    DATABASE_URL: url,
    SECRET_KEY,
    LOG_LEVEL: "silent",
  });
  const services = await createServices(config);
  try {
    const started = performance.now();
    await services.semantic.refresh();
    console.log(
      `-- ${url}: vector index loaded in ${((performance.now() - started) / 1000).toFixed(1)} s; load ${load()}`,
    );
    const rows = latencyRows(await searchLatencies(services, queries));
    console.log("| what | figure |\n| --- | --- |");
    for (const [what, figure] of rows) console.log(`| ${what} | ${figure} |`);
    console.log(`load average at the end ${load()}`);
  } finally {
    await services.close();
  }
}
