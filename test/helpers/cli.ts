import { type ChildProcess, type SpawnSyncReturns, spawn, spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The compiled CLI (`npm test` builds before running the suites). */
export const CLI = fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url));

/**
 * The environment a user's shell would pass: Vitest's own BASE_URL=/ removed, logs quiet, and PostgreSQL's
 * vector index snapshots (one folder per test schema) saved under the system's temporary folder, not data/.
 */
export function cliEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { BASE_URL: _vitest, ...inherited } = process.env;
  return { ...inherited, LOG_LEVEL: "silent", VECTOR_INDEX_DIR: TEST_VECTOR_INDEXES, ...extra };
}

const TEST_VECTOR_INDEXES = join(tmpdir(), "paperboy-test-vector-indexes");

export function runCli(
  args: readonly string[],
  env: Record<string, string>,
  input?: string | Buffer,
): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI, ...args], { env: cliEnv(env), encoding: "utf8", input });
}

/**
 * Starts `paperboy ARGS` from the sources as a real child process (through tsx, so no build is needed), for
 * tests that kill it midway.
 */
export function spawnPaperboy(args: readonly string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    cwd: fileURLToPath(new URL("../../", import.meta.url)),
    env: cliEnv({ SECRET_KEY: "test-secret-key-that-is-long-enough-0123456789", ...env }),
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Resolves with the exit code (or the signal's name) and everything the process wrote. */
export function finished(
  child: ChildProcess,
): Promise<{ code: number | string; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => {
    child.on("close", (code, signal) => resolve({ code: code ?? signal ?? "unknown", stdout, stderr }));
  });
}
