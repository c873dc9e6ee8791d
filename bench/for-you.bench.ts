/**
 * For you quality, "author as reader" (issue #14.7), on the shared listings corpus: an author with at least 20
 * papers reads as a reader whose upvotes are their papers before the cut-off (their own name taken out of every
 * paper's features); each later arXiv day with a new paper of theirs is ranked for them, and the ranking is judged
 * by where their own papers of that day land (nDCG@10, Recall@50; the day's mean per author, then the authors'
 * mean). Authors fall into two halves by a hash of their name: the model's constants were tuned on the first,
 * the figures below are the second's. The embedder (LSA) and every vocabulary learn from the papers before the
 * cut-off only.
 */

import { loadavg } from "node:os";
import { BLOCK_WEIGHTS as BLOCKS } from "../src/ranking/for-you.js";
import type { ForYouPaper } from "../src/ranking/for-you-features.js";
import { sampleHash } from "../src/search/lsa/sample.js";
import { LSA_DEFAULTS, trainLsa } from "../src/search/lsa/train.js";
import { ndcgAt, recallAt } from "./beir.js";
import {
  type AuthorReader,
  authorReaders,
  type BenchPaper,
  loadListingPapers,
  nameHash,
} from "./for-you-corpus.js";
import { centroid, forYou, type Method, recency, SANITY_NEGATIVES, sanitySvm } from "./for-you-methods.js";
import { sharedListingFiles } from "./shared-data.js";

const CUTOFF = "2026-03-01";
const MIN_PAPERS = 20;
/** Papers before the cut-off an author needs to read as a reader at all. */
const MIN_UPVOTES = 5;
const REPORTED_AUTHORS = Number(process.env.FOR_YOU_AUTHORS ?? 300);
/** 0: the tuning half; 1: the reported half (the default). */
const HALF = Number(process.env.FOR_YOU_HALF ?? 1);

interface Measured {
  ndcg: number;
  recall: number;
  cpuMs: number;
}

function judge(
  method: Method,
  readers: readonly AuthorReader[],
  days: ReadonlyMap<string, number[]>,
  ids: readonly string[],
): Measured {
  const total = { ndcg: 0, recall: 0, cpuMs: 0 };
  for (const reader of readers) {
    const started = process.cpuUsage();
    const score = method(reader);
    total.cpuMs += process.cpuUsage(started).user / 1000;
    let ndcg = 0;
    let recall = 0;
    for (const [day, relevant] of reader.later) {
      const papers = days.get(day) ?? [];
      const scores = score(papers);
      const ranked = papers
        .map((i, k) => ({ id: ids[i] ?? "", score: scores[k] ?? 0 }))
        .sort((a, b) => b.score - a.score || (a.id < b.id ? 1 : -1))
        .map((p) => p.id);
      ndcg += ndcgAt(ranked, relevant, 10);
      recall += recallAt(ranked, relevant, 50);
    }
    total.ndcg += ndcg / reader.later.size;
    total.recall += recall / reader.later.size;
  }
  const n = Math.max(1, readers.length);
  return { ndcg: total.ndcg / n, recall: total.recall / n, cpuMs: total.cpuMs / n };
}

const SVM = "tf-idf + linear SVM, C=0.01";

/** The papers LSA trains on, chosen as the product chooses them (lsa/sample.ts: the lowest seeded hashes). */
function lsaSample(papers: readonly BenchPaper[]) {
  const { seed, maxTrainingPapers } = LSA_DEFAULTS;
  return papers
    .map((p) => ({ p, key: sampleHash(p.id, seed) }))
    .sort((a, b) => a.key - b.key || (a.p.id < b.p.id ? -1 : 1))
    .slice(0, maxTrainingPapers)
    .sort((a, b) => (a.p.id < b.p.id ? -1 : 1))
    .map(({ p }) => ({ title: p.title, body: p.abstract }));
}

const loadAverage = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(0)} s`;

export async function run(): Promise<void> {
  const files = sharedListingFiles();
  if (!files) return;
  let started = performance.now();
  const papers = await loadListingPapers(files);
  const trainingCount = papers.findIndex((p) => p.day >= CUTOFF);
  const readers = authorReaders(papers, CUTOFF, MIN_PAPERS, MIN_UPVOTES)
    .filter((r) => nameHash(r.name) % 2 === HALF)
    .slice(0, REPORTED_AUTHORS);
  const days = new Map<string, number[]>();
  for (let i = trainingCount; i < papers.length; i += 1) {
    const day = papers[i]?.day ?? "";
    days.set(day, [...(days.get(day) ?? []), i]);
  }
  console.log(`load average ${loadAverage()} (2 cores)`);
  console.log(
    `${papers.length} papers, ${trainingCount} before the cut-off ${CUTOFF}; ${readers.length} authors of the ${HALF === 1 ? "reported" : "tuning"} half, ${readers.reduce((n, r) => n + r.later.size, 0)} author-days ranked (${seconds(started)})`,
  );
  started = performance.now();
  const lsa = trainLsa(lsaSample(papers.slice(0, trainingCount)), trainingCount);
  const vectors = papers.map((p) => lsa.embedOne({ title: p.title, body: p.abstract }));
  const withVectors: ForYouPaper[] = papers.map((p, i) => ({ ...p, vector: vectors[i] ?? null }));
  console.log(
    `embedder: lsa ${lsa.dimensions}d trained on ${LSA_DEFAULTS.maxTrainingPapers} of the papers before the cut-off, as the product samples them (${seconds(started)})`,
  );
  const ids = papers.map((p) => p.id);
  const methods: [string, () => Method][] = [
    ["recency (newest first)", () => recency],
    ["embedder centroid (lsa)", () => centroid(vectors)],
    [SVM, () => sanitySvm(papers, trainingCount)],
    ["For you", () => forYou(withVectors, trainingCount)],
    ["For you, no author features", () => forYou(withVectors, trainingCount, { ...BLOCKS, authors: 0 })],
  ];
  console.log(
    `the linear SVM learns each reader's papers against a seeded sample of ${SANITY_NEGATIVES} of the papers before the cut-off (arxiv-sanity-lite: all of them)`,
  );
  const results = new Map<string, Measured>();
  console.log(`${"method".padEnd(30)} nDCG@10  Recall@50  train cpu ms/reader`);
  for (const [name, make] of methods) {
    started = performance.now();
    const measured = judge(make(), readers, days, ids);
    results.set(name, measured);
    console.log(
      `${name.padEnd(30)} ${measured.ndcg.toFixed(4)}   ${measured.recall.toFixed(4)}     ${measured.cpuMs.toFixed(0).padStart(5)}   (${seconds(started)})`,
    );
  }
  const svm = results.get(SVM)?.ndcg ?? 0;
  for (const name of ["For you", "For you, no author features"]) {
    const gain = ((results.get(name)?.ndcg ?? 0) - svm) / svm;
    console.log(
      `${name} vs the linear SVM: ${gain >= 0 ? "+" : ""}${(gain * 100).toFixed(1)}% nDCG@10 (goal: +10%)`,
    );
  }
  console.log(`load average ${loadAverage()}`);
}
