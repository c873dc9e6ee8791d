import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { CLI } from "./measured-run.js";
import type { BenchQueries } from "./queries.js";

export interface ServeMemory {
  /** From process start to the first answer of a search by meaning (the vector index loaded). */
  readonly readySeconds: number;
  /** Resident memory after answering every bench query in each mode, and its peak, MB. */
  readonly rssMb: number;
  readonly peakMb: number;
}

function statusMb(pid: number | undefined, field: string): number {
  const text = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(text)?.[1] ?? 0) / 1024;
}

/**
 * `paperboy serve` on the bench database (no scheduled jobs), asked every bench query in each mode over HTTP;
 * its resident memory is read from /proc afterwards.
 */
export async function measureServeMemory(
  env: Record<string, string>,
  port: number,
  queries: BenchQueries,
): Promise<ServeMemory> {
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, "serve", "--port", String(port), "--no-jobs"], {
    env: { ...process.env, LOG_LEVEL: "warn", NODE_ENV: "production", ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      let said = "";
      child.stderr.on("data", (chunk: Buffer) => {
        said += chunk.toString();
        if (said.includes("serving on")) resolve();
      });
      child.once("exit", (code) => reject(new Error(`serve exited with ${code}: ${said}`)));
    });
    const base = `http://127.0.0.1:${port}/api/papers/search`;
    const ask = async (q: string, mode: string) => {
      const response = await fetch(`${base}?q=${encodeURIComponent(q)}&mode=${mode}&limit=20`);
      if (!response.ok) throw new Error(`search answered ${response.status}`);
      await response.arrayBuffer();
    };
    await ask(queries.titles[0] ?? "graph", "semantic");
    const readySeconds = (performance.now() - started) / 1000;
    for (const mode of ["keyword", "semantic", "hybrid"])
      for (const q of [...queries.titles, ...queries.phrases]) await ask(q, mode);
    return { readySeconds, rssMb: statusMb(child.pid, "VmRSS"), peakMb: statusMb(child.pid, "VmHWM") };
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
}
