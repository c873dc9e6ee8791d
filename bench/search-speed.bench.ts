import { sql } from "kysely";
import type { IncomingPaper } from "../src/core/paper.js";
import { importFiles } from "../src/ingestion/import-files.js";
import { type SearchMode, searchPapers } from "../src/search/search-papers.js";
import type { Services } from "../src/services.js";
import { allPaperTexts } from "../src/storage/embeddings.js";
import { onEachDatabase } from "./databases.js";
import { vectorAgreement } from "./scale/recall.js";
import { benchInstance, load, record } from "./search-instance.js";
import { sharedListingFiles } from "./shared-data.js";

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

/** Deterministic variants of real papers: same abstract words, title words rotated, ids in an unused range. */
function variants(
  papers: readonly { id: string; title: string; abstract: string }[],
  count: number,
): IncomingPaper[] {
  return Array.from({ length: count }, (_, i) => {
    const source = papers[i % papers.length] ?? { id: "", title: "x", abstract: "x" };
    const words = source.title.split(" ");
    const shift = 1 + (i % Math.max(1, words.length - 1));
    const title = [...words.slice(shift), ...words.slice(0, shift)].join(" ");
    const id = `99${String(Math.floor(i / 99_999) + 1).padStart(2, "0")}.${String((i % 99_999) + 1).padStart(5, "0")}`;
    return { record: record({ id, title, abstract: source.abstract }), featureOn: null };
  });
}

async function latencies(services: Services, titles: readonly string[]) {
  for (const mode of ["keyword", "semantic", "hybrid"] as SearchMode[]) {
    const times: number[] = [];
    const cpuTimes: number[] = [];
    for (const q of titles) {
      const started = performance.now();
      const cpu = process.cpuUsage();
      await searchPapers(
        { database: services.database, semantic: services.semantic },
        { q, mode, offset: 0, limit: 20 },
      );
      const used = process.cpuUsage(cpu);
      times.push(performance.now() - started);
      cpuTimes.push((used.user + used.system) / 1000);
    }
    times.sort((a, b) => a - b);
    cpuTimes.sort((a, b) => a - b);
    console.log(
      `  ${mode.padEnd(8)} p50 ${percentile(times, 0.5).toFixed(1)} ms  p99 ${percentile(times, 0.99).toFixed(1)} ms  (CPU p50 ${percentile(cpuTimes, 0.5).toFixed(1)} ms, p99 ${percentile(cpuTimes, 0.99).toFixed(1)} ms)`,
    );
  }
}

async function measure(services: Services, label: string) {
  const papers = await allPaperTexts(services.database);
  console.log(`${label}: ${papers.length.toLocaleString("en-US")} papers`);
  const started = performance.now();
  const cpu = process.cpuUsage();
  await services.semantic.refresh();
  const used = process.cpuUsage(cpu);
  // CPU seconds beside wall time: on a shared machine the wall clock mostly measures the neighbours.
  console.log(
    `  lsa model + ${services.semantic.size.toLocaleString("en-US")} vectors: ${((performance.now() - started) / 1000).toFixed(1)} s (${((used.user + used.system) / 1e6).toFixed(1)} s CPU, graph insertions on every core)`,
  );
  const step = Math.floor(papers.length / 200);
  const picked = Array.from({ length: 200 }, (_, i) => papers[i * step] ?? { id: "", title: "" });
  const { served: agreement } = await vectorAgreement(services, {
    titles: picked.map((p) => p.title),
    phrases: [],
  });
  console.log(
    `  vector index top-10 agreement with the exact scan (the titles): ${(100 * agreement).toFixed(1)}%`,
  );
  await latencies(
    services,
    picked.map((p) => p.title),
  );
  return papers;
}

export async function run(): Promise<void> {
  const files = sharedListingFiles();
  if (!files) return;
  await onEachDatabase("search-speed", async (database) => {
    const services = await benchInstance("search-speed", database.url);
    try {
      await measureOn(services, files);
    } finally {
      await services.close();
    }
  });
}

/** What each process pays every SEMANTIC_REFRESH_SECONDS when nothing changed: the poll and the missing scan. */
async function idleRefresh(services: Services) {
  const times: number[] = [];
  for (let i = 0; i < 10; i += 1) {
    const started = performance.now();
    await services.semantic.refresh();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(
    `  refresh with nothing new (${services.semantic.engine}): p50 ${percentile(times, 0.5).toFixed(1)} ms, max ${percentile(times, 1).toFixed(1)} ms`,
  );
}

async function measureOn(services: Services, files: readonly string[]) {
  const started = performance.now();
  const report = await importFiles(services.database, files, { format: "listing" });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `import with keyword index: ${report.added} papers in ${seconds.toFixed(1)} s (${Math.round(report.added / seconds)} papers/s)`,
  );
  if (services.database.native.kind === "postgres") {
    // What autovacuum does within a minute of a bulk load: the planner's statistics and a flushed GIN pending
    // list. Measured right after the import instead, each search would pay for both.
    const vacuumed = performance.now();
    await sql`vacuum analyze paper_search`.execute(services.database.kysely);
    console.log(`vacuum analyze paper_search: ${((performance.now() - vacuumed) / 1000).toFixed(1)} s`);
  }
  const papers = await measure(services, "shared corpus");
  await idleRefresh(services);
  const scale = Number(process.env.SEARCH_SPEED_SCALE ?? 0);
  if (scale > papers.length) {
    const rate = await load(services, variants(papers, scale - papers.length));
    console.log(`generated variants loaded at ${Math.round(rate)} papers/s`);
    await measure(services, "with variants");
  }
}
