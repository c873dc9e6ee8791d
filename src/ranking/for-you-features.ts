import { authorKey } from "../core/author-name.js";
import { terms } from "../search/lsa/terms.js";
import type { SparseVector } from "./for-you-svm.js";

/** What the For you model knows of a paper: its text, people and categories, and the embedder's vector. */
export interface ForYouPaper {
  readonly id: string;
  readonly title: string;
  readonly abstract: string;
  readonly authors: readonly string[];
  readonly categories: readonly string[];
  /** The embedder's unit vector, or null while the paper has none. */
  readonly vector: Float32Array | null;
}

/** How many papers hold each term, counted over a sample of the instance's papers: the terms' idf. */
export interface TermStatistics {
  readonly papers: number;
  readonly documentFrequency: ReadonlyMap<string, number>;
}

/** The length each block of features is scaled to; their ratios say how much each kind of evidence counts. */
export interface BlockWeights {
  readonly terms: number;
  readonly authors: number;
  readonly categories: number;
  readonly vector: number;
}

/** Hashed features (terms, authors, categories) fall in this many slots; the vector's components come after. */
export const FEATURE_SLOTS = 1 << 20;

/** A paper's terms: title words count twice, as titles say what a paper is about. */
export function termCounts(paper: Pick<ForYouPaper, "title" | "abstract">): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms(paper.title)) counts.set(term, (counts.get(term) ?? 0) + 2);
  for (const term of terms(paper.abstract)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

export function termStatistics(papers: readonly Pick<ForYouPaper, "title" | "abstract">[]): TermStatistics {
  const documentFrequency = new Map<string, number>();
  for (const paper of papers)
    for (const term of termCounts(paper).keys())
      documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  return { papers: papers.length, documentFrequency };
}

/** Smoothed idf: a term no sampled paper holds weighs as much as one held by a single paper would. */
export function idf(statistics: TermStatistics, term: string): number {
  const df = statistics.documentFrequency.get(term) ?? 0;
  return Math.log((statistics.papers + 1) / (df + 1)) + 1;
}

/** FNV-1a into the hashed slots; one prefix per block keeps a term and a name from sharing a key. */
export function slot(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % FEATURE_SLOTS;
}

/** Adds a block scaled to length `weight`, summing entries that share a slot. */
function addBlock(out: Map<number, number>, entries: readonly [number, number][], weight: number): void {
  const norm = Math.sqrt(entries.reduce((sum, [, v]) => sum + v * v, 0));
  if (norm === 0 || weight === 0) return;
  for (const [id, v] of entries) out.set(id, (out.get(id) ?? 0) + (v / norm) * weight);
}

/**
 * A paper as one sparse vector: sublinear TF-IDF of its terms, its authors and its categories (each block of
 * unit length times its weight) and the embedder's vector times its weight. Authors meet by folded name
 * (core/author-name.ts). `skipAuthor` leaves names out (the benchmark's reader their own).
 */
export function paperFeatures(
  paper: ForYouPaper,
  statistics: TermStatistics,
  weights: BlockWeights,
  skipAuthor: (name: string) => boolean = () => false,
): SparseVector {
  const out = new Map<number, number>();
  const termEntries = [...termCounts(paper)].map(([term, n]): [number, number] => [
    slot(`t:${term}`),
    (1 + Math.log(n)) * idf(statistics, term),
  ]);
  addBlock(out, termEntries, weights.terms);
  const authors = paper.authors.filter((name) => !skipAuthor(name)).map(authorKey);
  addBlock(
    out,
    authors.map((key): [number, number] => [slot(`a:${key}`), 1]),
    weights.authors,
  );
  addBlock(
    out,
    paper.categories.map((c): [number, number] => [slot(`c:${c}`), 1]),
    weights.categories,
  );
  const vector = paper.vector ?? new Float32Array();
  addBlock(
    out,
    [...vector].map((v, i): [number, number] => [FEATURE_SLOTS + i, v]),
    weights.vector,
  );
  return { index: Int32Array.from(out.keys()), value: Float32Array.from(out.values()) };
}
