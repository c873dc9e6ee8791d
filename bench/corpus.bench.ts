/**
 * `npm run bench -- corpus --papers N [--seed S] [--out FILE]`: writes a realistic arXiv snapshot file of N
 * papers, generated from the shared listing corpus (74,728 real papers; see bench/corpus/generate.ts and
 * docs/performance.md for how it differs from the real archive). Without --out it goes to the corpus cache
 * (BENCH_CORPUS_DIR, else a folder under the system's temporary folder), where `bench scale` finds it.
 */
import { existsSync, mkdirSync, renameSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { generateCorpus, writeRecords } from "./corpus/generate.js";
import { readSourceSet } from "./corpus/source-papers.js";
import { type BenchOptions, countOption } from "./options.js";
import { sharedListingFiles } from "./shared-data.js";

/** Bumped whenever the generator's output changes, so that cached corpora of an older generator are not used. */
const GENERATOR_VERSION = 1;

export const DEFAULT_PAPERS = 75_000;

/** Where the corpus of `papers` papers for `seed` is cached. */
export function corpusFile(papers: number, seed: number): string {
  const folder = process.env.BENCH_CORPUS_DIR ?? join(tmpdir(), "paperboy-corpus");
  return join(folder, `corpus-v${GENERATOR_VERSION}-${papers}-seed${seed}.jsonl.gz`);
}

/** Generates the corpus into `file` (through a temporary name, so a killed run leaves no half file behind). */
export async function buildCorpus(file: string, papers: number, seed: number): Promise<boolean> {
  const sources = sharedListingFiles();
  if (!sources) return false;
  const started = performance.now();
  const source = await readSourceSet(sources);
  console.log(
    `source: ${source.papers.length.toLocaleString("en-US")} real papers read in ${seconds(started)} s`,
  );
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const written = await writeRecords(partial, generateCorpus(source, { papers, seed }), (count) =>
    process.stderr.write(
      `corpus: ${count.toLocaleString("en-US")} of ${papers.toLocaleString("en-US")} papers\n`,
    ),
  );
  renameSync(partial, file);
  const mb = (statSync(file).size / 1024 / 1024).toFixed(0);
  console.log(
    `wrote ${written.toLocaleString("en-US")} papers to ${file} (${mb} MB gzip) in ${seconds(started)} s; load ${loadavg()[0]?.toFixed(1)}`,
  );
  return true;
}

/** The cached corpus for `papers` and `seed`, generated first when missing; null when the shared data is. */
export async function ensureCorpus(papers: number, seed: number): Promise<string | null> {
  const file = corpusFile(papers, seed);
  if (existsSync(file)) return file;
  return (await buildCorpus(file, papers, seed)) ? file : null;
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

export async function run(options: BenchOptions): Promise<void> {
  const papers = countOption(options, "papers", DEFAULT_PAPERS);
  const seed = countOption(options, "seed", 1);
  await buildCorpus(options.out ?? corpusFile(papers, seed), papers, seed);
}
