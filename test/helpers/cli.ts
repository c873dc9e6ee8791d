import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The compiled CLI (`npm test` builds before running the suites). */
export const CLI = fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url));

/** The environment a user's shell would pass: Vitest's own BASE_URL=/ removed, logs quiet. */
export function cliEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { BASE_URL: _vitest, ...inherited } = process.env;
  return { ...inherited, LOG_LEVEL: "silent", ...extra };
}

export function runCli(
  args: readonly string[],
  env: Record<string, string>,
  input?: string | Buffer,
): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI, ...args], { env: cliEnv(env), encoding: "utf8", input });
}
