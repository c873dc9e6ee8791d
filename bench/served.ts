/**
 * `paperboy serve` in a child process for the benchmarks that measure the web server from outside (pages, load):
 * production settings, logging only warnings, on loopback. BENCH_CPU_PROF=DIR makes the server write a V8 CPU
 * profile of its whole run into DIR when it stops; BENCH_LOOP_PROBE=FILE makes it write its event loop's delay, GC
 * and time per kind of request into FILE each second (bench/loop-probe.mjs).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const CLI = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
const PROBE = fileURLToPath(new URL("./loop-probe.mjs", import.meta.url));
export const BENCH_SECRET_KEY = "bench-secret-key-that-is-long-enough-0123456789";

/** Starts the server on an empty or prepared database; resolves once it listens. */
export function startServe(
  databaseUrl: string,
  port: number,
  env: Record<string, string> = {},
): Promise<ChildProcess> {
  const profile = process.env.BENCH_CPU_PROF
    ? ["--cpu-prof", "--cpu-prof-dir", process.env.BENCH_CPU_PROF]
    : [];
  const probe = process.env.BENCH_LOOP_PROBE ? ["--import", PROBE] : [];
  const child = spawn(
    process.execPath,
    [...profile, ...probe, CLI, "serve", "--port", String(port), "--no-jobs"],
    {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        SECRET_KEY: BENCH_SECRET_KEY,
        LOG_LEVEL: "warn",
        NODE_ENV: "production",
        ...env,
      },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  return new Promise((resolve, reject) => {
    let said = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      said += chunk.toString();
      if (said.includes("serving on")) resolve(child);
    });
    child.once("exit", (code) => reject(new Error(`serve exited with ${code}: ${said.slice(-2000)}`)));
  });
}

/** Stops the server and waits for it to exit (and write its profile). */
export async function stopServe(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

/**
 * Waits until the server has built its semantic index on the demo corpus (a first start trains a model and embeds
 * every paper): until then each batch of vectors makes kept pages stale, which is a start-up, not a steady state.
 * Returns the seconds waited.
 */
export async function semanticIndexBuilt(base: string): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < 180_000) {
    const answer = await fetch(`${base}/search?q=graph&mode=semantic`);
    const building =
      answer.status !== 200 || (await answer.text()).includes("Semantic search is still being built");
    if (!building) break;
    // Past the search rate limit (429) too: ask again a little later.
    await new Promise((resolve) => setTimeout(resolve, 3000));
  }
  return (performance.now() - started) / 1000;
}

/** CPU seconds (user and system) a process has used so far, read from /proc (Linux); NaN elsewhere. */
export function cpuSecondsOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}
