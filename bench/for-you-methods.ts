/**
 * The rankers the For you benchmark compares, each turning one reader (an author's earlier papers as upvotes)
 * into a score for any later paper. Benchmarks only.
 */
import { authorIndexKey, type FoldedName, foldAuthorName, sameAuthor } from "../src/core/author-name.js";
import {
  BLOCK_WEIGHTS,
  type ForYouFollows,
  scoreForYou,
  trainForYou,
  UNRATED_SAMPLE,
} from "../src/ranking/for-you.js";
import {
  type BlockWeights,
  type ForYouPaper,
  paperFeatures,
  type TermStatistics,
  termStatistics,
} from "../src/ranking/for-you-features.js";
import { dot, type SparseVector } from "../src/ranking/for-you-svm.js";
import { seededRandom } from "../src/search/lsa/random.js";
import {
  fitSanity,
  nameColumns,
  type SanityVocabulary,
  sanityVector,
  trainSanity,
  withoutColumns,
} from "./arxiv-sanity.js";
import type { AuthorReader, BenchPaper } from "./for-you-corpus.js";

/** One reader's scores for some papers (by their place in the corpus), in their order. */
export type Scorer = (papers: readonly number[]) => number[];
export type Method = (reader: AuthorReader) => Scorer;

const each =
  (score: (paper: number) => number): Scorer =>
  (papers) =>
    papers.map(score);

/** Newest first: arXiv numbers papers in the order they were submitted. */
export const recency: Method = () => each((i) => i);

/** The mean of the reader's papers' vectors; papers score by their dot product with it. */
export function centroid(vectors: readonly Float32Array[]): Method {
  return (reader) => {
    const mean = new Float32Array(vectors[0]?.length ?? 0);
    for (const i of reader.upvotes)
      vectors[i]?.forEach((v, d) => {
        mean[d] = (mean[d] ?? 0) + v;
      });
    return each((i) => (vectors[i] ?? mean).reduce((sum, v, d) => sum + v * (mean[d] ?? 0), 0));
  };
}

/**
 * How many of the papers before the cut-off arxiv-sanity-lite's SVM learns from as negatives (every one but the
 * reader's own in arxiv-sanity-lite itself): a seeded sample, the same for every reader, so that 300 readers
 * train in minutes rather than hours. With classes balanced, the sample weighs as much as all of them would.
 */
export const SANITY_NEGATIVES = 10_000;

/** arxiv-sanity-lite: TF-IDF over title, abstract and authors, fitted on the papers before the cut-off. */
export function sanitySvm(papers: readonly BenchPaper[], trainingCount: number): Method {
  const vocabulary: SanityVocabulary = fitSanity(papers.slice(0, trainingCount));
  const rows = papers.map((p) => sanityVector(vocabulary, p));
  const negatives = sampleBefore(trainingCount, SANITY_NEGATIVES);
  return (reader) => {
    // The reader's name is taken out of every paper's text, as if it had never been written there.
    const drop = nameColumns(vocabulary, reader.name);
    const row = (i: number) => withoutColumns(rows[i] ?? EMPTY, drop);
    const own = new Set(reader.upvotes);
    const model = trainSanity(reader.upvotes.map(row), negatives.filter((i) => !own.has(i)).map(row));
    return each((i) => dot(model.weights, row(i)) + model.bias);
  };
}

const EMPTY: SparseVector = { index: new Int32Array(), value: new Float32Array() };
const NO_FOLLOWS: ForYouFollows = { authors: [], categories: new Set() };

/** A seeded sample of `size` papers before the cut-off (For you's unrated papers, the SVM's negatives). */
function sampleBefore(trainingCount: number, size: number): number[] {
  const random = seededRandom(7);
  return Array.from({ length: trainingCount }, (_, i) => [random(), i] as const)
    .sort((a, b) => a[0] - b[0])
    .slice(0, size)
    .map(([, i]) => i);
}

/** Papers by the name's index key (surname and initial), to find a reader's own papers and namesakes fast. */
function byIndexKey(papers: readonly ForYouPaper[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const keys = new Map<string, string>();
  papers.forEach((p, i) => {
    for (const name of p.authors) {
      const key = keys.get(name) ?? authorIndexKey(name);
      keys.set(name, key);
      const list = out.get(key);
      if (list) list.push(i);
      else out.set(key, [i]);
    }
  });
  return out;
}

/** For you as the product trains it, with the reader's own name left out of every paper's authors. */
export function forYou(
  papers: readonly ForYouPaper[],
  trainingCount: number,
  weights: BlockWeights = BLOCK_WEIGHTS,
): Method {
  const sample = sampleBefore(trainingCount, UNRATED_SAMPLE);
  const statistics: TermStatistics = termStatistics(sample.map((i) => papers[i] as ForYouPaper));
  // Every reader trains on the sample and is judged on the days after the cut-off: their features are made
  // once, here, so that a reader's training time is their own.
  const shared = new Map<number, SparseVector>();
  const make = (i: number) => paperFeatures(papers[i] as ForYouPaper, statistics, weights);
  for (const i of sample) shared.set(i, make(i));
  for (let i = trainingCount; i < papers.length; i += 1) shared.set(i, make(i));
  const features = (i: number) => shared.get(i) ?? make(i);
  const named = byIndexKey(papers);
  const folded = new Map<string, FoldedName>();
  const fold = (name: string) => {
    const kept = folded.get(name);
    if (kept) return kept;
    const made = foldAuthorName(name);
    folded.set(name, made);
    return made;
  };
  return (reader) => {
    const self = fold(reader.name);
    const skip = (name: string) => sameAuthor(self, fold(name));
    const own = new Map<number, SparseVector>();
    for (const i of named.get(authorIndexKey(reader.name)) ?? [])
      if ((papers[i]?.authors ?? []).some(skip))
        own.set(i, paperFeatures(papers[i] as ForYouPaper, statistics, weights, skip));
    const x = (i: number) => own.get(i) ?? features(i);
    const liked = new Set(reader.upvotes);
    const model = trainForYou({
      liked: reader.upvotes.map(x),
      notInterested: [],
      unrated: sample.filter((i) => !liked.has(i)).map(x),
      vectorDimensions: papers[0]?.vector?.length ?? 0,
    });
    const dimensions = papers[0]?.vector?.length ?? 0;
    return (day) =>
      scoreForYou(
        model,
        day.map((i) => ({ features: x(i), authors: [], categories: [] })),
        NO_FOLLOWS,
        dimensions,
      ).map((s) => s.score);
  };
}
