import { isIP } from "node:net";
import { z } from "zod";
import { VECTOR_ENGINES, type VectorEngine } from "./storage/database.js";
import { dialectOfUrl } from "./storage/database-url.js";

/**
 * Paperboy's configuration: every environment variable it reads, with its default. Loaded once at start-up,
 * validated, and frozen; an invalid value stops start-up with one line naming the variable and the fix.
 */
const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
const EMBEDDERS = ["lsa", "http", "onnx"] as const;
const SIGN_UP = ["open", "closed"] as const;
const SUBMITTER_ROLES = ["member", "curator", "admin"] as const;

const databaseUrl = z.string().refine((url) => dialectOfUrl(url) !== null, {
  message:
    "must start with sqlite: (a file path follows) or postgres:// (supported schemes: sqlite:, postgres://)",
});
const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" });
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === "" ? undefined : value));

const PROXY_PRESETS = new Set(["loopback", "linklocal", "uniquelocal"]);

/** An address or range as proxy-addr (Fastify's trustProxy) reads it: a preset, an IP, or IP/prefix. */
function isProxyAddress(entry: string): boolean {
  if (PROXY_PRESETS.has(entry)) return true;
  const [address = "", prefix, ...rest] = entry.split("/");
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
}

const schema = z.object({
  DATABASE_URL: databaseUrl.default("sqlite:data/paperboy.db"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce
    .number({ error: "must be a port number from 0 to 65535" })
    .int()
    .min(0)
    .max(65535)
    .default(3000),
  BASE_URL: httpUrl.optional(),
  SECRET_KEY: optionalText.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  SMTP_URL: optionalText.pipe(
    z
      .string()
      .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
      .optional(),
  ),
  MAIL_FROM: z.string().default("Paperboy <paperboy@localhost>"),
  ARXIV_OAI_URL: httpUrl.default("https://oaipmh.arxiv.org/oai"),
  ARXIV_API_URL: httpUrl.default("https://export.arxiv.org/api/query"),
  HF_API_URL: httpUrl.default("https://huggingface.co"),
  ARXIV_REQUEST_INTERVAL_MS: z.coerce.number().int().min(0).default(3000),
  EMBEDDER: z.enum(EMBEDDERS, { error: `must be one of ${EMBEDDERS.join(", ")}` }).default("lsa"),
  EMBEDDINGS_URL: httpUrl.optional(),
  EMBEDDINGS_MODEL: optionalText,
  SEMANTIC_REFRESH_SECONDS: z.coerce
    .number({ error: "must be a number of seconds from 1 to 3600" })
    .min(1)
    .max(3600)
    .default(15),
  VECTOR_INDEX_DIR: optionalText,
  VECTOR_ENGINE: z
    .enum(VECTOR_ENGINES, { error: `must be one of ${VECTOR_ENGINES.join(", ")}` })
    .default("pgvector"),
  VECTOR_PROBE_FACTOR: z.coerce
    .number({ error: "must be a number from 1 to 64" })
    .min(1, "must be a number from 1 to 64")
    .max(64, "must be a number from 1 to 64")
    .optional(),
  SEARCH_TIME_BUDGET_MS: z.coerce
    .number({ error: "must be a number of milliseconds from 100 to 60000" })
    .int()
    .min(100)
    .max(60_000)
    .default(2_000),
  DIGEST_HOUR: z.coerce.number({ error: "must be an hour from 0 to 23" }).int().min(0).max(23).default(7),
  DIGEST_CONCURRENCY: z.coerce
    .number({ error: "must be a number from 1 to 64" })
    .int()
    .min(1)
    .max(64)
    .default(4),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  NODE_ENV: z.string().default("development"),
  TRUST_PROXY: optionalText.pipe(
    z
      .string()
      .refine(
        (value) => value === "none" || value.split(",").every((entry) => isProxyAddress(entry.trim())),
        "must be none, or the proxies' addresses separated by commas (loopback, 10.0.0.5, 10.0.0.0/8, ...)",
      )
      .optional(),
  ),
  SIGN_UP: z.enum(SIGN_UP, { error: `must be one of ${SIGN_UP.join(", ")}` }).default("open"),
  SESSION_DAYS: z.coerce.number().int().min(1).max(400).default(30),
  SIGN_IN_LINK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  API_RATE_LIMIT: z.coerce.number().int().min(1).default(300),
  SEARCH_RATE_LIMIT: z.coerce.number().int().min(1).default(60),
  API_TOKEN_RATE_LIMIT: z.coerce.number().int().min(1).default(1200),
  SUBMISSION_MAX_AGE_DAYS: z.coerce.number().int().min(0).default(14),
  SUBMITTER_ROLE: z
    .enum(SUBMITTER_ROLES, { error: `must be one of ${SUBMITTER_ROLES.join(", ")}` })
    .default("member"),
});

export type Environment = Record<string, string | undefined>;

export interface Config {
  readonly databaseUrl: string;
  readonly host: string;
  readonly port: number;
  readonly baseUrl: string;
  /**
   * Which peers' X-Forwarded-For (and -Proto, -Host) to believe, as Fastify's `trustProxy` takes it: false, or
   * addresses and ranges separated by commas. The client address that rate limits count comes from it.
   */
  readonly trustProxy: false | string;
  readonly secretKey: string | undefined;
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  readonly arxivOaiUrl: string;
  readonly arxivApiUrl: string;
  readonly hfApiUrl: string;
  readonly arxivRequestIntervalMs: number;
  readonly embedder: (typeof EMBEDDERS)[number];
  readonly embeddingsUrl: string | undefined;
  readonly embeddingsModel: string | undefined;
  /** How often each process loads vectors others stored and embeds papers that have none (seconds). */
  readonly semanticRefreshSeconds: number;
  /** Where PostgreSQL instances without pgvector save the vector index (undefined: data/vector-index). */
  readonly vectorIndexDirectory: string | undefined;
  /** PostgreSQL: nearest neighbours in pgvector where installed, or in each process's memory regardless. */
  readonly vectorEngine: VectorEngine;
  /** Lists a semantic search scans, times the square root of their number (undefined: the index's default). */
  readonly vectorProbeFactor: number | undefined;
  /** The longest any search answered to a reader may take (milliseconds): search/budget.ts. */
  readonly searchTimeBudgetMs: number;
  /** Hour of the day (UTC) at which the scheduler sends due digests. */
  readonly digestHour: number;
  /** Digests handed to the SMTP server at once. */
  readonly digestConcurrency: number;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  readonly production: boolean;
  /** API requests per minute from one address without a token. */
  readonly apiRateLimit: number;
  /** Searches (page, search feed, search API) per minute per client address and per account. */
  readonly searchRateLimit: number;
  /** API requests per minute with one account's API token. */
  readonly apiTokenRateLimit: number;
  readonly community: CommunityRules;
}

/** The rules an operator sets for accounts and submissions. */
export interface CommunityRules {
  /** `open`: a sign-in link to a new address creates a member account; `closed`: only `paperboy user add`. */
  readonly signUp: (typeof SIGN_UP)[number];
  readonly sessionDays: number;
  readonly signInLinkMinutes: number;
  /** Papers whose first version is older than this many days cannot be submitted; 0 means no limit. */
  readonly submissionMaxAgeDays: number;
  /** The least role that may submit papers. */
  readonly submitterRole: (typeof SUBMITTER_ROLES)[number];
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid configuration";
  return `${issue.path.join(".")} ${issue.message}`;
}

/** Reads the environment (process.env by default), validates it and returns a frozen Config. */
export function loadConfig(env: Environment = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) throw new ConfigError(`configuration: ${firstIssue(parsed.error)}`);
  const e = parsed.data;
  const production = e.NODE_ENV === "production";
  if (production && !e.SECRET_KEY)
    throw new ConfigError("configuration: SECRET_KEY is required in production");
  if (e.EMBEDDER === "http" && !e.EMBEDDINGS_URL) {
    throw new ConfigError("configuration: EMBEDDINGS_URL is required when EMBEDDER=http");
  }
  if (e.EMBEDDER === "onnx" && !e.EMBEDDINGS_MODEL) {
    throw new ConfigError(
      "configuration: EMBEDDINGS_MODEL (a folder holding model.onnx and tokenizer.json) is required when EMBEDDER=onnx",
    );
  }
  const config: Config = Object.freeze({
    databaseUrl: e.DATABASE_URL,
    host: e.HOST,
    port: e.PORT,
    baseUrl: (e.BASE_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/$/, ""),
    trustProxy: trustProxyOf(e.TRUST_PROXY, production),
    secretKey: e.SECRET_KEY,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    arxivOaiUrl: e.ARXIV_OAI_URL,
    arxivApiUrl: e.ARXIV_API_URL,
    hfApiUrl: e.HF_API_URL.replace(/\/$/, ""),
    arxivRequestIntervalMs: e.ARXIV_REQUEST_INTERVAL_MS,
    embedder: e.EMBEDDER,
    embeddingsUrl: e.EMBEDDINGS_URL,
    embeddingsModel: e.EMBEDDINGS_MODEL,
    semanticRefreshSeconds: e.SEMANTIC_REFRESH_SECONDS,
    vectorIndexDirectory: e.VECTOR_INDEX_DIR,
    vectorEngine: e.VECTOR_ENGINE,
    vectorProbeFactor: e.VECTOR_PROBE_FACTOR,
    searchTimeBudgetMs: e.SEARCH_TIME_BUDGET_MS,
    digestHour: e.DIGEST_HOUR,
    digestConcurrency: e.DIGEST_CONCURRENCY,
    logLevel: e.LOG_LEVEL,
    production,
    apiRateLimit: e.API_RATE_LIMIT,
    searchRateLimit: e.SEARCH_RATE_LIMIT,
    apiTokenRateLimit: e.API_TOKEN_RATE_LIMIT,
    community: Object.freeze({
      signUp: e.SIGN_UP,
      sessionDays: e.SESSION_DAYS,
      signInLinkMinutes: e.SIGN_IN_LINK_MINUTES,
      submissionMaxAgeDays: e.SUBMISSION_MAX_AGE_DAYS,
      submitterRole: e.SUBMITTER_ROLE,
    }),
  });
  if (!e.BASE_URL) derivedBaseUrls.add(config);
  return config;
}

/**
 * A proxy appends the address it saw to X-Forwarded-For, after whatever the client wrote there, so only the
 * entries added by trusted proxies can be believed. By default, in production, that is a proxy on the same
 * machine (nginx in front, as docs/deployment.md sets it up); trusting every hop would let any client choose
 * its address and walk past every rate limit.
 */
function trustProxyOf(setting: string | undefined, production: boolean): false | string {
  if (setting === undefined) return production ? "loopback" : false;
  return setting === "none" ? false : setting;
}

// Configurations whose BASE_URL was not given, so that it follows the address actually listened on.
const derivedBaseUrls = new WeakSet<Config>();

/**
 * The configuration for serving on `host`:`port` (`serve --host --port`). Links the instance writes into pages,
 * feeds, mail and API answers use BASE_URL when it is set, else this address. Port 0 (any free port) is known
 * only once listening, so links then keep the configured address.
 */
export function listeningAt(config: Config, host: string, port: number): Config {
  if ((host === config.host && port === config.port) || port === 0) return config;
  const derived = derivedBaseUrls.has(config);
  const moved: Config = Object.freeze({
    ...config,
    host,
    port,
    baseUrl: derived ? `http://${host}:${port}` : config.baseUrl,
  });
  if (derived) derivedBaseUrls.add(moved);
  return moved;
}
