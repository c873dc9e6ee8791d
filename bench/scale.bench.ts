/**
 * `npm run bench -- scale --papers N [--seed S] [--databases sqlite,postgres,pgvector] [--port P]`: the whole
 * archive on one machine. Generates (or reuses) the corpus of N papers (bench/corpus.bench.ts), then on each
 * database from empty: `paperboy import` of the snapshot file, `paperboy index` (keyword index, embedder
 * trained on a sample, every paper embedded in a stream, vector index), search latency in one warm process with
 * 200 real titles and 200 real 2-4 word phrases, similar papers, the day page, a day's increment of 2,000
 * papers, `serve`'s resident memory and the size on disk; then prints the table. PostgreSQL needs
 * BENCH_DATABASE_URL (or TEST_DATABASE_URL). `--keep` leaves each database in place (SQLite file or PostgreSQL database) and prints
 * where, for measurements that start from a loaded archive (bench vectors). `--database URL` measures what follows the load
 * on an archive loaded and indexed before (one kept by `--keep`): searches, agreement, the day page, a day's
 * increment (of the month after the database's newest paper), `serve`'s memory. `--vector-engine memory` runs
 * every process with VECTOR_ENGINE=memory: PostgreSQL with pgvector installed then searches by meaning in each
 * process's own vector index, as without it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../src/storage/open.js";
import { countPapers } from "../src/storage/papers.js";
import { DEFAULT_PAPERS, ensureCorpus } from "./corpus.bench.js";
import { benchDatabases } from "./databases.js";
import { type BenchOptions, countOption } from "./options.js";
import { staleBuild } from "./scale/measured-run.js";
import { benchQueries } from "./scale/queries.js";
import { printTable } from "./scale/report.js";
import { measureLoaded, runSequence } from "./scale/sequence.js";

export async function run(options: BenchOptions): Promise<void> {
  const stale = staleBuild();
  if (stale) {
    console.log(`scale: ${stale}`);
    return;
  }
  if (options.database) return afterLoad(options.database, options);
  const papers = countOption(options, "papers", DEFAULT_PAPERS);
  const seed = countOption(options, "seed", 1);
  const port = countOption(options, "port", 3390);
  const vectorEngine = options["vector-engine"];
  const corpus = await ensureCorpus(papers, seed);
  const queries = await benchQueries();
  if (!corpus || !queries) return;
  for (const factory of benchDatabases("scale", (options.databases ?? "sqlite").split(","))) {
    const database = await factory.create();
    const scratch = mkdtempSync(join(tmpdir(), "paperboy-scale-"));
    console.log(`-- ${database.label}, ${papers.toLocaleString("en-US")} papers; load ${load()}`);
    try {
      const figures = await runSequence({
        url: database.url,
        corpus,
        queries,
        scratch,
        seed,
        port,
        vectorEngine,
      });
      printTable(`${database.label}${engineNote(vectorEngine)}`, papers, figures, load());
    } finally {
      if (options.keep) console.log(`kept: ${database.url}`);
      else await database.dispose();
      rmSync(scratch, { recursive: true, force: true });
    }
  }
}

const engineNote = (engine: string | undefined) => (engine ? `, VECTOR_ENGINE=${engine}` : "");

const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(" / ");

/** What follows the load, on an archive loaded before: the papers are counted, the rest as in the sequence. */
async function afterLoad(url: string, options: BenchOptions): Promise<void> {
  const queries = await benchQueries();
  if (!queries) return;
  const seed = countOption(options, "seed", 1);
  const port = countOption(options, "port", 3390);
  const scratch = mkdtempSync(join(tmpdir(), "paperboy-scale-"));
  try {
    const database = openDatabase(url);
    const papers = await countPapers(database).finally(() => database.close());
    console.log(`-- ${url}, ${papers.toLocaleString("en-US")} papers loaded before; load ${load()}`);
    const vectorEngine = options["vector-engine"];
    const vectorIndexDir = process.env.VECTOR_INDEX_DIR;
    const figures = await measureLoaded({
      ...{ url, queries, scratch, seed, port, vectorEngine },
      ...(vectorIndexDir ? { vectorIndexDir } : {}),
    });
    printTable(`${url}${engineNote(vectorEngine)}`, papers, figures, load());
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
