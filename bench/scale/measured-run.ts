import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const CLI = fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url));
const SOURCES = fileURLToPath(new URL("../../src", import.meta.url));
/** Written by every `npm run build` as its last step: tsc leaves .tsbuildinfo alone when nothing it emits changed. */
const BUILD_INFO = fileURLToPath(new URL("../../dist/.built", import.meta.url));

/**
 * Why the built `paperboy` the bench runs would not be the code in src/ (missing, or older than a source
 * file), or null. The bench's own process runs src/ directly: a stale build would measure two versions at once.
 */
export function staleBuild(): string | null {
  if (!existsSync(CLI) || !existsSync(BUILD_INFO)) return `${CLI} is missing: run npm run build first`;
  const built = statSync(BUILD_INFO).mtimeMs;
  const newer = readdirSync(SOURCES, { recursive: true, encoding: "utf8" }).find(
    (file) =>
      file.endsWith(".ts") && !file.endsWith(".test.ts") && statSync(join(SOURCES, file)).mtimeMs > built,
  );
  return newer ? `src/${newer} changed after the last build: run npm run build first` : null;
}

export interface MeasuredRun {
  readonly seconds: number;
  /** Peak resident memory (VmHWM), MB. */
  readonly peakMb: number;
  /** Resident memory sampled every half second, MB. */
  readonly samplesMb: readonly number[];
  readonly stdout: string;
  readonly stderr: string;
}

function status(pid: number | undefined, field: "VmRSS" | "VmHWM"): number {
  try {
    const text = readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(text)?.[1] ?? 0) / 1024;
  } catch {
    // The process has just exited.
    return 0;
  }
}

/**
 * Runs `paperboy ARGS` to its end with `env` added, passing its progress (stderr) through to ours, and
 * samples its resident memory from /proc: whether memory stays flat is part of what a run measures.
 */
export function measuredCli(args: readonly string[], env: Record<string, string>): Promise<MeasuredRun> {
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const samplesMb: number[] = [];
  let peakMb = 0;
  const timer = setInterval(() => {
    samplesMb.push(status(child.pid, "VmRSS"));
    peakMb = Math.max(peakMb, status(child.pid, "VmHWM"));
  }, 500);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
    process.stderr.write(chunk);
  });
  return new Promise((resolve, reject) => {
    child.on("close", (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0)
        reject(new Error(`paperboy ${args.join(" ")} exited with ${code}: ${stderr.slice(-2000)}`));
      else resolve({ seconds, peakMb, samplesMb, stdout, stderr });
    });
  });
}

/** Resident memory at a quarter, half, three quarters and the end of a run, MB: flat memory shows here. */
export function quartilesMb(samples: readonly number[]): number[] {
  return [0.25, 0.5, 0.75, 1].map((q) =>
    Math.round(samples[Math.max(0, Math.ceil(samples.length * q) - 1)] ?? 0),
  );
}
