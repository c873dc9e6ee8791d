import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Config, loadConfig } from "../../src/config.js";
import type { Clock } from "../../src/core/clock.js";
import { createServices, type Services } from "../../src/services.js";

export interface TestInstance {
  readonly services: Services;
  readonly directory: string;
  readonly config: Config;
  dispose(): Promise<void>;
}

/**
 * A throwaway Paperboy instance on a real SQLite file in a fresh temporary folder, or on the PostgreSQL server
 * named by TEST_DATABASE_URL when a suite asks for that backend.
 */
export async function createTestInstance(
  options: { clock?: Clock; env?: Record<string, string>; databaseUrl?: string } = {},
): Promise<TestInstance> {
  const directory = mkdtempSync(join(tmpdir(), "paperboy-test-"));
  const config = loadConfig({
    DATABASE_URL: options.databaseUrl ?? `sqlite:${join(directory, "paperboy.db")}`,
    SECRET_KEY: "test-secret-key-that-is-long-enough-0123456789",
    LOG_LEVEL: "silent",
    ...options.env,
  });
  const services = await createServices(config, options.clock ? { clock: options.clock } : {});
  return {
    services,
    directory,
    config,
    async dispose() {
      await services.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
