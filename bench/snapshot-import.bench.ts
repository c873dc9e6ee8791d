/**
 * Snapshot-import throughput: `paperboy import --format arxiv-snapshot` on a gzip file of up to 225,000 records in
 * the Kaggle snapshot's shape (224,184 from the corpus), into a fresh SQLite file, process start included; peak and sampled RSS show
 * whether memory stays flat. The file is built from the shared listing corpus (74,728 real papers): each
 * paper is written three times under fresh new-style ids (1501.00001 on), the copies' titles marked, with
 * one or two versions, authors_parsed split from the names, and every tenth marked withdrawn.
 */
import { spawn } from "node:child_process";
import { createReadStream, createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { createGunzip, createGzip } from "node:zlib";
import { sharedPath } from "./shared-data.js";

const CLI = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
const COPIES = 3;
const TARGET = 225_000;

function snapshotId(index: number): string {
  const month = Math.floor(index / 99_999);
  const yy = 15 + Math.floor(month / 12);
  return `${yy}${String((month % 12) + 1).padStart(2, "0")}.${String((index % 99_999) + 1).padStart(5, "0")}`;
}

function variant(listing: Record<string, unknown>, copy: number, index: number): string {
  const authors = (listing.authors as string[]) ?? [];
  const versions = [{ version: "v1", created: "Mon, 2 Jun 2025 17:59:59 GMT" }];
  if (index % 2 === 0) versions.push({ version: "v2", created: "Tue, 15 Jul 2025 09:00:00 GMT" });
  return JSON.stringify({
    id: snapshotId(index),
    submitter: authors[0] ?? null,
    authors: authors.join(", "),
    title: copy === 0 ? listing.title : `${listing.title} (variant ${copy})`,
    comments: index % 10 === 0 ? "This paper has been withdrawn by the author" : (listing.comment ?? null),
    "journal-ref": null,
    doi: null,
    "report-no": null,
    categories: ((listing.categories as string[]) ?? []).join(" "),
    license: index % 3 === 0 ? "http://creativecommons.org/licenses/by/4.0/" : null,
    abstract: listing.summary,
    versions,
    update_date: "2025-07-15",
    authors_parsed: authors.map((name) => {
      const cut = name.lastIndexOf(" ");
      return [name.slice(cut + 1), name.slice(0, Math.max(cut, 0)), ""];
    }),
  });
}

async function buildSnapshot(folder: string, output: string): Promise<number> {
  const gzip = createGzip({ level: 1 });
  const done = new Promise<void>((resolve) =>
    gzip.pipe(createWriteStream(output)).on("finish", () => resolve()),
  );
  let index = 0;
  for (const name of readdirSync(folder).filter((n) => n.endsWith(".jsonl.gz"))) {
    const lines = createInterface({ input: createReadStream(join(folder, name)).pipe(createGunzip()) });
    for await (const line of lines) {
      if (line.trim() === "" || index >= TARGET) continue;
      const listing = JSON.parse(line) as Record<string, unknown>;
      for (let copy = 0; copy < COPIES && index < TARGET; copy += 1) {
        if (!gzip.write(`${variant(listing, copy, index)}\n`))
          await new Promise<void>((r) => gzip.once("drain", () => r()));
        index += 1;
      }
    }
  }
  gzip.end();
  await done;
  return index;
}

/** Runs the import, sampling the child's resident memory from /proc every 250 ms. */
function timedImport(databaseUrl: string, file: string) {
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, "import", "--format", "arxiv-snapshot", file], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const samples: number[] = [];
  let peak = 0;
  const timer = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      samples.push(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
      peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
    } catch {
      // The process has just exited.
    }
  }, 250);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  return new Promise<{ seconds: number; summary: string; peak: number; samples: number[] }>(
    (resolve, reject) => {
      child.on("close", (code) => {
        clearInterval(timer);
        if (code !== 0) return reject(new Error(`import failed: ${stderr}`));
        resolve({ seconds: (performance.now() - started) / 1000, summary: stdout.trim(), peak, samples });
      });
    },
  );
}

const quartiles = (samples: number[]) =>
  [0.25, 0.5, 0.75, 1].map((q) => Math.round(samples[Math.max(0, Math.ceil(samples.length * q) - 1)] ?? 0));

export async function run() {
  const folder = sharedPath("arxiv-daily-listings/papers");
  if (!folder) return;
  const directory = mkdtempSync(join(tmpdir(), "paperboy-bench-snapshot-"));
  try {
    const file = join(directory, "snapshot.jsonl.gz");
    const records = await buildSnapshot(folder, file);
    console.log(
      `built ${records.toLocaleString("en-US")} snapshot records (${COPIES} variants of each listing paper)`,
    );
    const url = `sqlite:${join(directory, "bench.db")}`;
    for (const label of ["fresh import", "second import (all unchanged)"]) {
      const result = await timedImport(url, file);
      console.log(`${label}: ${result.summary}`);
      console.log(
        `  ${result.seconds.toFixed(1)} s, ${Math.round(records / result.seconds).toLocaleString("en-US")} papers/s (process start included); peak RSS ${Math.round(result.peak)} MB; RSS at 25/50/75/100% of the run: ${quartiles(result.samples).join(" / ")} MB`,
      );
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
