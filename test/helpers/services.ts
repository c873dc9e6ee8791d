import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Config, loadConfig } from "../../src/config.js";
import type { Clock } from "../../src/core/clock.js";
import type { RetryPolicy } from "../../src/ingestion/http/retry-policy.js";
import { createExternalSources } from "../../src/ingestion/http/sources.js";
import { createServices, type Services } from "../../src/services.js";
import { type Backend, createIsolatedSchema, whileNoSchemaDrops } from "./backends.js";

export interface TestInstance {
  readonly services: Services;
  readonly directory: string;
  readonly config: Config;
  readonly backend: Backend;
  /** What the development outbox printed (mail sent with no SMTP_URL); the files are in `directory`/outbox. */
  readonly mailConsole: string[];
  dispose(): Promise<void>;
}

export interface TestInstanceOptions {
  readonly clock?: Clock;
  readonly env?: Record<string, string>;
  /** sqlite (default): a fresh file in a temporary folder; postgres: a fresh schema on TEST_DATABASE_URL. */
  readonly backend?: Backend;
  /** Use this database instead of a fresh one (the caller owns it). */
  readonly databaseUrl?: string;
  /** Tightens the HTTP clients' retry policy (tests of failures should not wait out real backoffs). */
  readonly retry?: Partial<RetryPolicy>;
}

/** A throwaway Paperboy instance on a real database: a SQLite file or a PostgreSQL schema of its own. */
export async function createTestInstance(options: TestInstanceOptions = {}): Promise<TestInstance> {
  const directory = mkdtempSync(join(tmpdir(), "paperboy-test-"));
  const backend = options.backend ?? "sqlite";
  const schema = backend === "postgres" && !options.databaseUrl ? await createIsolatedSchema() : null;
  const config = loadConfig({
    DATABASE_URL: options.databaseUrl ?? schema?.url ?? `sqlite:${join(directory, "paperboy.db")}`,
    SECRET_KEY: "test-secret-key-that-is-long-enough-0123456789",
    LOG_LEVEL: "silent",
    VECTOR_INDEX_DIR: join(directory, "vector-index"),
    ...options.env,
  });
  const cleanUp = async () => {
    await schema?.drop();
    rmSync(directory, { recursive: true, force: true });
  };
  const mailConsole: string[] = [];
  const create = () =>
    createServices(config, {
      outbox: { directory: join(directory, "outbox"), console: (text) => mailConsole.push(text) },
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.retry ? { sources: createExternalSources(config, options.retry) } : {}),
    });
  const services = await (schema ? whileNoSchemaDrops(create) : create()).catch(async (error: unknown) => {
    await cleanUp();
    throw error;
  });
  return {
    services,
    directory,
    config,
    backend,
    mailConsole,
    async dispose() {
      await services.close();
      await cleanUp();
    },
  };
}
