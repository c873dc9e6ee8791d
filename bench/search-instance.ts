/** Builds throwaway Paperboy instances for the search benchmarks. Benchmarks only. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../src/config.js";
import type { IncomingPaper, PaperRecord } from "../src/core/paper.js";
import { createServices, type Services } from "../src/services.js";
import { upsertPapers } from "../src/storage/upsert-papers.js";

/** Services on `url` (a bench database), or on a fresh SQLite file. */
export async function benchInstance(name: string, url?: string): Promise<Services> {
  const directory = url ? "" : mkdtempSync(join(tmpdir(), `paperboy-${name}-`));
  return createServices(
    loadConfig({
      DATABASE_URL: url ?? `sqlite:${join(directory, "paperboy.db")}`,
      SECRET_KEY: "bench-secret-key-that-is-long-enough-0123456789",
      LOG_LEVEL: "silent",
    }),
  );
}

export function record(
  fields: Pick<PaperRecord, "id" | "title" | "abstract"> & Partial<PaperRecord>,
): PaperRecord {
  return {
    authors: [],
    categories: [],
    comment: null,
    journalRef: null,
    doi: null,
    license: null,
    versions: [],
    published: null,
    updated: null,
    withdrawn: false,
    ...fields,
  };
}

/** Loads papers in batches of 1,000 through the product's upsert; returns documents per second. */
export async function load(services: Services, papers: readonly IncomingPaper[]): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < papers.length; i += 1000) {
    await upsertPapers(services.database, papers.slice(i, i + 1000), {
      submitterId: null,
      source: "bench",
      now: new Date().toISOString(),
    });
  }
  return papers.length / ((performance.now() - started) / 1000);
}
