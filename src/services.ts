import { dirname, join } from "node:path";
import type { Config } from "./config.js";
import { type Clock, systemClock } from "./core/clock.js";
import { ForYouService } from "./for-you/service.js";
import { createExternalSources, type ExternalSources } from "./ingestion/http/sources.js";
import { createTrendingCache, type TrendingCache } from "./lists/trending-cache.js";
import type { Mailer } from "./mail/mail-types.js";
import { createMailer } from "./mail/mailer.js";
import type { OutboxOptions } from "./mail/outbox.js";
import { SharedSearches } from "./search/budget.js";
import { createEmbedderSource } from "./search/embedders/create.js";
import type { SearchDependencies } from "./search/search-papers.js";
import { SemanticIndex } from "./search/semantic-index.js";
import { VectorIndexFiles } from "./search/vector-index-files.js";
import { VECTOR_INDEX_DEFAULTS } from "./search/vector-index-options.js";
import { WorkGate } from "./search/work-gate.js";
import { resolveSecretKey } from "./secrets.js";
import { createMemoryRateLimitStore, type RateLimitStore } from "./security/rate-limit-store.js";
import { dataVersion } from "./storage/data-version.js";
import type { Database } from "./storage/database.js";
import { sqliteFileOfUrl } from "./storage/database-url.js";
import { migrate } from "./storage/migrate.js";
import { openDatabase } from "./storage/open.js";
import { postgresInstanceKey } from "./storage/postgres/instance-key.js";
import { createDatabaseRateLimitStore } from "./storage/rate-limit-windows.js";
import { openSearchReader } from "./storage/search-reader.js";

/**
 * Everything the web app, the jobs and the CLI use, built in one place. Tests call createServices with a
 * throwaway database and a fixed clock; nothing else reaches for globals.
 */
export interface Services {
  readonly config: Config;
  readonly database: Database;
  readonly clock: Clock;
  readonly secretKey: string;
  readonly mailer: Mailer;
  /** Polite HTTP clients for arXiv and Hugging Face (fetchArxivPapers(services.sources.arxiv, ids, ...)). */
  readonly sources: ExternalSources;
  /** Rate-limit counters: in memory by default; a shared store lets several processes count together. */
  readonly rateLimits: RateLimitStore;
  /** Semantic search: the configured embedder and the in-memory index of paper vectors. */
  readonly semantic: SemanticIndex;
  /** The trending order, computed at most once a minute per process (writes here clear it). */
  readonly trending: TrendingCache;
  /**
   * Searches answered to readers: read through the search reader (threads on SQLite, a pool of its own on
   * PostgreSQL) under the time budget, gate and sharing of search/budget.ts.
   */
  readonly search: SearchDependencies;
  /** For you: each reader's model, kept until their signals change. */
  readonly forYou: ForYouService;
  close(): Promise<void>;
}

export interface ServiceOverrides {
  readonly clock?: Clock;
  readonly mailer?: Mailer;
  /** Where development mail goes when no SMTP_URL is set (default: data/outbox/ and stderr). */
  readonly outbox?: OutboxOptions;
  readonly sources?: ExternalSources;
  readonly rateLimits?: RateLimitStore;
  /** Skip applying migrations (for commands that must not change the schema). */
  readonly skipMigrations?: boolean;
}

/** Where instance files (the generated secret key, backups) live: beside the SQLite file, or data/. */
export function dataDirectory(config: Config): string {
  const file = sqliteFileOfUrl(config.databaseUrl);
  return file === null || file === ":memory:" ? "data" : dirname(file);
}

/** Outside production, mail with no server to go to is kept in the outbox; in production it is refused. */
function developmentOutbox(config: Config, given: OutboxOptions | undefined): OutboxOptions | undefined {
  if (config.production) return undefined;
  return (
    given ?? {
      directory: join(dataDirectory(config), "outbox"),
      console: (text) => process.stderr.write(text),
    }
  );
}

/** Reader threads (SQLite) or connections (PostgreSQL) for searches: one per core of the machine sizes here. */
const SEARCH_READERS = 2;
/** Searches that may wait for a reader; more are refused at once with 503 (search/work-gate.ts). */
const SEARCH_QUEUE = 32;

/**
 * Where the vector index is saved, so that a process starts without rebuilding the graph: a folder beside a
 * SQLite database, or for PostgreSQL one per database (and schema) under VECTOR_INDEX_DIR. With pgvector the
 * database holds the index and the folder stays empty.
 */
async function vectorIndexFiles(config: Config, database: Database): Promise<VectorIndexFiles | null> {
  const file = sqliteFileOfUrl(config.databaseUrl);
  if (file === ":memory:") return null;
  if (file !== null) return new VectorIndexFiles(`${file}.vector-index`);
  if (database.native.kind !== "postgres") return null;
  const folder = config.vectorIndexDirectory ?? join(dataDirectory(config), "vector-index");
  return new VectorIndexFiles(
    join(folder, await postgresInstanceKey(database.native.pool, config.databaseUrl)),
  );
}

/** Counters in memory serve one process; processes that share a database count in it. */
function rateLimitStore(database: Database): RateLimitStore {
  return database.capabilities.sharedByProcesses
    ? createDatabaseRateLimitStore(database)
    : createMemoryRateLimitStore();
}

export async function createServices(config: Config, overrides: ServiceOverrides = {}): Promise<Services> {
  const database = openDatabase(config.databaseUrl, { vectorEngine: config.vectorEngine });
  try {
    if (!overrides.skipMigrations) await migrate(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  const mailer = overrides.mailer ?? createMailer(config, developmentOutbox(config, overrides.outbox));
  const sources = overrides.sources ?? createExternalSources(config);
  const clock = overrides.clock ?? systemClock;
  const trending = createTrendingCache(database, clock);
  const semantic = new SemanticIndex(
    database,
    createEmbedderSource(config, database, clock),
    { ...VECTOR_INDEX_DEFAULTS, probeFactor: config.vectorProbeFactor ?? VECTOR_INDEX_DEFAULTS.probeFactor },
    config.semanticRefreshSeconds * 1000,
    await vectorIndexFiles(config, database),
  );
  const reader = openSearchReader(database, config.databaseUrl, {
    statementMs: config.searchTimeBudgetMs,
    size: SEARCH_READERS,
  });
  return {
    config,
    database,
    clock,
    secretKey: resolveSecretKey(config, join(dataDirectory(config), "secret.key")),
    mailer,
    sources,
    rateLimits: overrides.rateLimits ?? rateLimitStore(database),
    semantic,
    trending,
    search: {
      database: reader,
      semantic,
      budget: {
        timeMs: config.searchTimeBudgetMs,
        gate: new WorkGate(SEARCH_READERS * 2, SEARCH_QUEUE, "searches"),
        shared: new SharedSearches(),
        version: async () => `${await dataVersion(database)} ${semantic.generation}`,
      },
    },
    forYou: new ForYouService(
      {
        database,
        embedder: () => semantic.identity,
        trendingScores: async () => new Map((await trending.order()).map((p) => [p.paperId, p.why.score])),
      },
      config.semanticRefreshSeconds * 1000,
    ),
    async close() {
      mailer.close();
      sources.close();
      await reader.close();
      await database.close();
    },
  };
}
