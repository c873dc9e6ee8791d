import { readFileSync } from "node:fs";
import { type SearchMode, searchPapers } from "../../src/search/search-papers.js";
import { similarPapers } from "../../src/search/similar-papers.js";
import type { Services } from "../../src/services.js";
import { getSummaries } from "../../src/storage/papers.js";
import { type Percentiles, percentiles, timeEach } from "./latency.js";
import type { BenchQueries } from "./queries.js";

/** What one query kind costs, p50 and p99, over the titles and phrases together and each apart. */
export interface KindLatency {
  readonly all: Percentiles;
  readonly titles: Percentiles;
  readonly phrases: Percentiles;
  /** The three slowest queries and what they took (ms): where the p99 comes from. */
  readonly slowest: readonly (readonly [string, number])[];
  /** What the machine read from storage while they ran, MB (null where /proc/vmstat is missing). */
  readonly readMb: number | null;
}

export interface SearchLatencies {
  readonly modes: ReadonlyMap<SearchMode, KindLatency>;
  readonly similar: Percentiles;
  readonly similarReadMb: number | null;
}

/**
 * KB the whole machine has read from storage so far (/proc/vmstat `pgpgin`), or null. Counted machine-wide,
 * PostgreSQL's reads are in it too. A warm search reads nothing; a search whose pages the kernel dropped reads
 * them again, and its time says so (docs/performance.md: this machine's kernel drops page cache idle a minute).
 */
function pagedInKb(): number | null {
  try {
    const line = /^pgpgin (\d+)$/m.exec(readFileSync("/proc/vmstat", "utf8"));
    return line ? Number(line[1]) : null;
  } catch {
    return null;
  }
}

/** Runs `work` and says how many MB the machine read from storage meanwhile. */
async function reading<T>(work: () => Promise<T>): Promise<[T, number | null]> {
  const before = pagedInKb();
  const result = await work();
  const after = pagedInKb();
  return [result, before === null || after === null ? null : (after - before) / 1024];
}

const search = (services: Services, q: string, mode: SearchMode) =>
  searchPapers(
    { database: services.database, semantic: services.semantic },
    { q, mode, offset: 0, limit: 20 },
  );

function slowestOf(texts: readonly string[], times: readonly number[]): [string, number][] {
  return texts
    .map((q, i): [string, number] => [q, times[i] ?? 0])
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3);
}

/**
 * Search latency in this one warm process: the 200 titles and 200 phrases in each mode, each query once
 * untimed in that mode first, then similar papers for the best hit of each title (200 papers of the corpus),
 * each once untimed first too.
 */
export async function searchLatencies(services: Services, queries: BenchQueries): Promise<SearchLatencies> {
  const texts = [...queries.titles, ...queries.phrases];
  const hits: string[] = [];
  for (const q of texts) {
    const outcome = await search(services, q, "hybrid");
    if (queries.titles.includes(q) && outcome.papers[0]) hits.push(outcome.papers[0].id);
  }
  const modes = new Map<SearchMode, KindLatency>();
  for (const mode of ["keyword", "semantic", "hybrid"] as const) {
    // Each mode reads pages of its own (keyword search over every paper reads the run index, which hybrid
    // search, asking about the papers found by meaning, does not): each is warmed before it is timed.
    if (mode !== "hybrid") for (const q of texts) await search(services, q, mode);
    const [[titles, phrases], readMb] = await reading(async () => [
      await timeEach(queries.titles, (q) => search(services, q, mode)),
      await timeEach(queries.phrases, (q) => search(services, q, mode)),
    ]);
    modes.set(mode, {
      readMb,
      all: percentiles([...titles, ...phrases]),
      titles: percentiles(titles),
      phrases: percentiles(phrases),
      slowest: slowestOf([...queries.titles, ...queries.phrases], [...titles, ...phrases]),
    });
  }
  const deps = { database: services.database, semantic: services.semantic };
  // Warmed like the other kinds, each paper's neighbours read once (by the index itself: similarPapers keeps the
  // neighbours it found, and would answer the timed pass from that).
  for (const id of hits) {
    const found = await services.semantic.similar(id, 10);
    await getSummaries(services.database, [id, ...found.map((match) => match.id)]);
  }
  const [times, similarReadMb] = await reading(() => timeEach(hits, (id) => similarPapers(deps, id, 10)));
  return { modes, similar: percentiles(times), similarReadMb };
}
