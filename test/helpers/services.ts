import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Config, loadConfig } from "../../src/config.js";
import type { Clock } from "../../src/core/clock.js";
import type { RetryPolicy } from "../../src/ingestion/http/retry-policy.js";
import { createExternalSources } from "../../src/ingestion/http/sources.js";
import { createServices, type Services } from "../../src/services.js";
import { type Backend, freshDatabase } from "./backends.js";
import { migratedCopy } from "./database-templates.js";

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
  /** sqlite (default): a file in a temporary folder; postgres: a database of its own on TEST_DATABASE_URL's server. */
  readonly backend?: Backend;
  /** Use this database instead of a fresh one (the caller owns it). */
  readonly databaseUrl?: string;
  /** Tightens the HTTP clients' retry policy (tests of failures should not wait out real backoffs). */
  readonly retry?: Partial<RetryPolicy>;
}

/** The instance's own database: a copy of this run's migrated template, else an empty one that it migrates. */
async function ownDatabase(backend: Backend, directory: string) {
  const copy = await migratedCopy(backend, directory);
  if (copy) return { ...copy, migrated: true };
  const fresh = await freshDatabase(backend, directory);
  return { ...fresh, migrated: false };
}

/** A throwaway Paperboy instance on a real database: a SQLite file or a PostgreSQL database of its own. */
export async function createTestInstance(options: TestInstanceOptions = {}): Promise<TestInstance> {
  const directory = mkdtempSync(join(tmpdir(), "paperboy-test-"));
  const backend = options.backend ?? "sqlite";
  const own = options.databaseUrl ? null : await ownDatabase(backend, directory);
  const config = loadConfig({
    DATABASE_URL: options.databaseUrl ?? own?.url ?? "",
    SECRET_KEY: "test-secret-key-that-is-long-enough-0123456789",
    LOG_LEVEL: "silent",
    VECTOR_INDEX_DIR: join(directory, "vector-index"),
    ...options.env,
  });
  const cleanUp = async () => {
    await own?.drop();
    rmSync(directory, { recursive: true, force: true });
  };
  const mailConsole: string[] = [];
  const services = await createServices(config, {
    outbox: { directory: join(directory, "outbox"), console: (text) => mailConsole.push(text) },
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.retry ? { sources: createExternalSources(config, options.retry) } : {}),
    // A copy of the run's template was migrated by this same code.
    skipMigrations: own?.migrated ?? false,
  }).catch(async (error: unknown) => {
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
