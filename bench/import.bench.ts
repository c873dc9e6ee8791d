/**
 * Import throughput: the whole shared listing corpus (74,728 papers in 32 gzip files) through
 * `paperboy import --format listing`, process start included, into a fresh SQLite file; then the same files
 * again, which must find every paper unchanged.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sharedPath } from "./shared-data.js";

const CLI = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));

function timedImport(databaseUrl: string, files: string[]) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [CLI, "import", "--format", "listing", ...files], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" },
    encoding: "utf8",
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`import failed: ${result.stderr}`);
  return { seconds, summary: result.stdout.trim() };
}

export async function run() {
  const folder = sharedPath("arxiv-daily-listings/papers");
  if (!folder) return;
  const files = readdirSync(folder)
    .filter((name) => name.endsWith(".jsonl.gz"))
    .map((name) => join(folder, name));
  const directory = mkdtempSync(join(tmpdir(), "paperboy-bench-import-"));
  try {
    const url = `sqlite:${join(directory, "bench.db")}`;
    const first = timedImport(url, files);
    const papers = Number(/added (\d+)/.exec(first.summary)?.[1] ?? 0);
    console.log(`fresh import: ${first.summary}`);
    console.log(
      `  ${first.seconds.toFixed(2)} s, ${Math.round(papers / first.seconds).toLocaleString("en-US")} papers/s (process start included)`,
    );
    const again = timedImport(url, files);
    console.log(`second import: ${again.summary}`);
    console.log(
      `  ${again.seconds.toFixed(2)} s, ${Math.round(papers / again.seconds).toLocaleString("en-US")} papers/s`,
    );
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
