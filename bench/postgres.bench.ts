/**
 * SQLite and PostgreSQL side by side: import throughput of the shared listing corpus (74,728 papers), the size
 * it takes on disk, the latency of the day-list query and of the whole day page, and `paperboy copy` from one
 * to the other. PostgreSQL is the server named by BENCH_DATABASE_URL (or TEST_DATABASE_URL); the benchmark works
 * in a schema of its own there and drops it afterwards.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { loadConfig } from "../src/config.js";
import { importFiles } from "../src/ingestion/import-files.js";
import { dayList } from "../src/lists/day.js";
import { createServices, type Services } from "../src/services.js";
import { copyDatabase } from "../src/storage/copy-database.js";
import { latestListingDay } from "../src/storage/featured.js";
import { buildApp } from "../src/web/app.js";
import { sharedListingFiles } from "./shared-data.js";

const SERVER = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "";
const ROUNDS = 300;

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return `p50 ${at(0.5).toFixed(2)} ms, p99 ${at(0.99).toFixed(2)} ms`;
}

async function time(work: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return samples;
}

async function measure(label: string, services: Services, files: string[], size: () => Promise<number>) {
  const started = performance.now();
  const report = await importFiles(services.database, files, { format: "listing" });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${label}: import ${report.added} papers in ${seconds.toFixed(1)} s = ${Math.round(report.added / seconds)} papers/s`,
  );
  const again = performance.now();
  const second = await importFiles(services.database, files, { format: "listing" });
  console.log(
    `${label}: re-import (${second.unchanged} unchanged) ${((performance.now() - again) / 1000).toFixed(1)} s`,
  );
  console.log(`${label}: ${((await size()) / 1024 / 1024).toFixed(0)} MB on disk`);
  const day = (await latestListingDay(services.database)) ?? "";
  console.log(
    `${label}: day list (50 of a day) ${percentiles(await time(() => dayList(services.database, day, { page: 1, size: 50 })))}`,
  );
  const app = await buildApp(services);
  console.log(
    `${label}: day page /papers/date/${day} ${percentiles(await time(() => app.inject(`/papers/date/${day}`)))}`,
  );
  await app.close();
}

async function withSchema<T>(work: (url: string) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  const schema = `bench_${randomBytes(4).toString("hex")}`;
  await admin.query(`create schema ${schema}`);
  try {
    const url = new URL(SERVER);
    url.searchParams.set("options", `-c search_path=${schema}`);
    return await work(url.toString());
  } finally {
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}

const open = (url: string) =>
  createServices(loadConfig({ DATABASE_URL: url, SECRET_KEY: "x".repeat(40), LOG_LEVEL: "silent" }));

export async function run() {
  const files = sharedListingFiles();
  if (!files) return;
  const directory = mkdtempSync(join(tmpdir(), "paperboy-bench-pg-"));
  const file = join(directory, "bench.db");
  const sqlite = await open(`sqlite:${file}`);
  try {
    await measure(
      "sqlite",
      sqlite,
      files,
      async () => statSync(file).size + (statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0),
    );
    if (!SERVER) {
      console.log("postgres: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL to a PostgreSQL database)");
      return;
    }
    await withSchema(async (url) => {
      const postgres = await open(url);
      try {
        const size = async () => {
          const native = postgres.database.native;
          if (native.kind !== "postgres") return 0;
          const { rows } = await native.pool.query<{ bytes: string }>(
            `select sum(pg_total_relation_size(c.oid))::bigint as bytes from pg_class c
             join pg_namespace n on n.oid = c.relnamespace where n.nspname = current_schema() and c.relkind = 'r'`,
          );
          return Number(rows[0]?.bytes ?? 0);
        };
        await measure("postgres", postgres, files, size);
      } finally {
        await postgres.close();
      }
    });
    await withSchema(async (url) => {
      const target = await open(url);
      try {
        const started = performance.now();
        const copies = await copyDatabase(sqlite.database, target.database);
        const rows = copies.reduce((sum, copy) => sum + copy.source.rows, 0);
        console.log(
          `copy sqlite -> postgres: ${rows} rows in ${((performance.now() - started) / 1000).toFixed(1)} s (checksums included)`,
        );
      } finally {
        await target.close();
      }
    });
  } finally {
    await sqlite.close();
    rmSync(directory, { recursive: true, force: true });
  }
}
