/**
 * `npm run bench -- retrain-drift [--queries N]`: how search by meaning drifts as the corpus grows past the
 * papers the LSA embedder was trained on, which sets the retraining rule (docs/search.md#retraining). The 74,728
 * real papers of the shared listings (March 2025 to July 2026), in id order (arXiv's ids follow time), stand for
 * an instance that grows: a model is trained as the product trains (a seeded sample of at most 20,000) on the
 * oldest quarter, half, 90% and on all of them, every paper is embedded with it, and the newest tenth's titles
 * are searched by meaning (N of them, 500 by default). A paper found in the top ten by its own title is a hit;
 * the share of the newest papers' word occurrences the model does not know is its unknown-word rate.
 */
import { loadavg } from "node:os";
import type { EmbeddingText } from "../src/search/embedders/embedder.js";
import { sampleHash } from "../src/search/lsa/sample.js";
import { termCounts } from "../src/search/lsa/terms.js";
import { LSA_DEFAULTS, trainLsa } from "../src/search/lsa/train.js";
import { VectorIndex } from "../src/search/vector-index.js";
import { readListing } from "./corpus/source-papers.js";
import { type BenchOptions, countOption } from "./options.js";
import { sharedListingFiles } from "./shared-data.js";

interface Paper extends EmbeddingText {
  readonly id: string;
}

/** The share of the corpus each model was trained at: the corpus has since grown 4x, 2x, 1.1x and not at all. */
const TRAINED_AT = [0.25, 0.5, 0.9, 1];
const NEWEST = 0.1;

/** The product's sample (lsa/sample.ts): the papers whose ids hash lowest for the seed. */
function sample(papers: readonly Paper[], size: number): Paper[] {
  return [...papers]
    .map((paper) => ({ paper, hash: sampleHash(paper.id, LSA_DEFAULTS.seed) }))
    .sort((a, b) => a.hash - b.hash)
    .slice(0, size)
    .map((entry) => entry.paper);
}

function unknownWordRate(vocabulary: ReadonlySet<string>, papers: readonly Paper[]): number {
  let unknown = 0;
  let all = 0;
  for (const paper of papers)
    for (const [term, count] of termCounts(paper.title, paper.body)) {
      all += count;
      if (!vocabulary.has(term)) unknown += count;
    }
  return unknown / all;
}

function measure(
  papers: readonly Paper[],
  share: number,
  probes: readonly Paper[],
  newest: readonly Paper[],
) {
  const started = performance.now();
  const known = papers.slice(0, Math.round(papers.length * share));
  const model = trainLsa(sample(known, LSA_DEFAULTS.maxTrainingPapers), known.length);
  const trainedSeconds = (performance.now() - started) / 1000;
  const index = VectorIndex.create(model.dimensions);
  for (let i = 0; i < papers.length; i += 5_000) {
    const batch = papers.slice(i, i + 5_000);
    index.add(
      batch.map((paper) => ({ id: paper.id, vector: model.embedOne(paper) })),
      0,
    );
  }
  let hits = 0;
  let reciprocal = 0;
  for (const probe of probes) {
    const rank = index
      .search(model.embedOne({ title: "", body: probe.title }), 10)
      .findIndex((m) => m.id === probe.id);
    if (rank >= 0) {
      hits += 1;
      reciprocal += 1 / (rank + 1);
    }
  }
  const vocabulary = new Set((JSON.parse(model.toStored().header) as { terms: string[] }).terms);
  return {
    trainedOn: known.length,
    hitRate: hits / probes.length,
    mrr: reciprocal / probes.length,
    unknown: unknownWordRate(vocabulary, newest),
    trainedSeconds,
    seconds: (performance.now() - started) / 1000,
  };
}

export async function run(options: BenchOptions): Promise<void> {
  const files = sharedListingFiles();
  if (!files) return;
  const queries = countOption(options, "queries", 500);
  const papers: Paper[] = [];
  for await (const { record } of readListing(files))
    papers.push({ id: record.id, title: record.title, body: record.abstract });
  papers.sort((a, b) => (a.id < b.id ? -1 : 1));
  const newest = papers.slice(Math.round(papers.length * (1 - NEWEST)));
  const step = Math.max(1, Math.floor(newest.length / queries));
  const probes = newest.filter((_, i) => i % step === 0).slice(0, queries);
  console.log(
    `${papers.length.toLocaleString("en-US")} real papers (${papers[0]?.id} to ${papers.at(-1)?.id}); ${probes.length} titles of the newest ${newest.length.toLocaleString("en-US")} (from ${newest[0]?.id}) searched by meaning; load ${load()}`,
  );
  console.log(
    "| trained on the oldest | corpus grown since | title finds its paper in the top 10 | MRR@10 | newest papers' words unknown to the model | train / all s |",
  );
  console.log("| --- | --- | --- | --- | --- | --- |");
  for (const share of TRAINED_AT) {
    const m = measure(papers, share, probes, newest);
    console.log(
      `| ${m.trainedOn.toLocaleString("en-US")} (${share * 100}%) | ${(papers.length / m.trainedOn).toFixed(2)}x | ${(100 * m.hitRate).toFixed(1)}% | ${m.mrr.toFixed(3)} | ${(100 * m.unknown).toFixed(2)}% | ${m.trainedSeconds.toFixed(0)} / ${m.seconds.toFixed(0)} |`,
    );
  }
  console.log(`load at the end ${load()}`);
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(" / ");
