import { join } from "node:path";
import { sql } from "kysely";
import { loadConfig } from "../../src/config.js";
import { createServices, type Services } from "../../src/services.js";
import { indexPendingPapers, mergePendingKeywordEntries } from "../../src/storage/keyword-index-queue.js";
import { databaseBytes } from "./database-size.js";
import { type DayPage, measureDayPage } from "./day-page.js";
import { type Increment, measureIncrement } from "./increment.js";
import { type MeasuredRun, measuredCli } from "./measured-run.js";
import type { BenchQueries } from "./queries.js";
import { type Agreement, vectorAgreement } from "./recall.js";
import { type SearchLatencies, searchLatencies } from "./search-latency.js";
import { measureServeMemory, type ServeMemory } from "./serve-memory.js";

export interface LoadedInput {
  readonly url: string;
  readonly queries: BenchQueries;
  /** A folder for the files the sequence writes (the increment, the listing day). */
  readonly scratch: string;
  readonly seed: number;
  readonly port: number;
  /** VECTOR_ENGINE for every process (`--vector-engine memory`: PostgreSQL searches its vectors in memory). */
  readonly vectorEngine?: string;
  /**
   * Where PostgreSQL's vector index is saved: the operator's VECTOR_INDEX_DIR for an archive loaded before (its
   * index restored as `serve` restores it, not built again from every stored vector); else the run's scratch.
   */
  readonly vectorIndexDir?: string;
}

export interface SequenceInput extends LoadedInput {
  readonly corpus: string;
}

export interface Figures extends AfterLoad {
  readonly imported: MeasuredRun;
  readonly indexed: MeasuredRun;
  /** The keyword-index part of `paperboy index`, as it reports it. */
  readonly keywordSeconds: number;
  /** From the start of embedding to its first stored batch: training the embedder on its sample, mostly. */
  readonly trainSeconds: number;
}

/** What the sequence measures once the archive is loaded and indexed. */
export interface AfterLoad {
  /** PostgreSQL: `vacuum analyze` after the load (what autovacuum does within a minute); 0 on SQLite. */
  readonly vacuumSeconds: number;
  readonly bytes: number;
  /** A fresh process's first refresh: the embedder and the vector index loaded. */
  readonly loadSeconds: number;
  readonly dayPage: DayPage | null;
  readonly latencies: SearchLatencies;
  /** Top-10 positions the vector index shares with the exact scan, on the bench queries. */
  readonly agreement: Agreement;
  readonly increment: Increment | null;
  readonly serve: ServeMemory;
}

/** The benches' secret key: long enough for the config's check, never a real one. */
export const SECRET_KEY = "bench-secret-key-that-is-long-enough-0123456789";

const seconds = (since: number) => (performance.now() - since) / 1000;

async function vacuum(services: Services): Promise<number> {
  if (services.database.native.kind !== "postgres") return 0;
  const started = performance.now();
  await sql`vacuum analyze`.execute(services.database.kysely);
  return seconds(started);
}

/** The sequence's settings for every process it starts. */
function benchEnv(input: LoadedInput): Record<string, string> {
  return {
    DATABASE_URL: input.url,
    SECRET_KEY,
    API_RATE_LIMIT: "1000000",
    SEARCH_RATE_LIMIT: "1000000",
    VECTOR_INDEX_DIR: input.vectorIndexDir ?? join(input.scratch, "vector-index"),
    ...(input.vectorEngine ? { VECTOR_ENGINE: input.vectorEngine } : {}),
  };
}

/** The whole sequence on one empty database: load, index and embed, then what a reader and an operator see. */
export async function runSequence(input: SequenceInput): Promise<Figures> {
  const env = benchEnv(input);
  const imported = await measuredCli(["import", "--format", "arxiv-snapshot", input.corpus], env);
  const indexed = await measuredCli(["index"], env);
  const keywordSeconds = Number(
    /keyword index: indexed \d+ queued papers \(([\d.]+) s\)/.exec(indexed.stderr)?.[1] ?? 0,
  );
  const trainSeconds = Number(/the first batch was stored ([\d.]+) s after/.exec(indexed.stderr)?.[1] ?? 0);
  return { imported, indexed, keywordSeconds, trainSeconds, ...(await measureLoaded(input)) };
}

/**
 * What a reader and an operator see on an archive already loaded and indexed: everything the sequence measures
 * after `paperboy index`. On a database measured before, a new `seed` makes the increment's papers new ones.
 */
export async function measureLoaded(input: LoadedInput): Promise<AfterLoad> {
  const env = benchEnv(input);
  const services = await createServices(loadConfig({ ...env, LOG_LEVEL: "silent" }));
  let rest: Omit<AfterLoad, "serve">;
  try {
    const vacuumSeconds = await vacuum(services);
    const bytes = await databaseBytes(services.database, input.url);
    const started = performance.now();
    await services.semantic.refresh();
    const loadSeconds = seconds(started);
    const dayPage = await measureDayPage(services, input.scratch);
    // The day page's listing brought a day of real papers: indexed (and merged, as serve's timer does) and
    // embedded now, they stay out of the searches' timings and the increment's count.
    await indexPendingPapers(services.database);
    await mergePendingKeywordEntries(services.database);
    await services.semantic.refresh();
    const latencies = await searchLatencies(services, input.queries);
    const agreement = await vectorAgreement(services, input.queries, true);
    const increment = await measureIncrement(services, input.scratch, env, input.seed);
    rest = { vacuumSeconds, bytes, loadSeconds, dayPage, latencies, agreement, increment };
  } finally {
    await services.close();
  }
  const serve = await measureServeMemory(env, input.port, input.queries);
  return { ...rest, serve };
}
