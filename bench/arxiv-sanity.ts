/**
 * arxiv-sanity-lite's ranking, rebuilt as the For you benchmark's baseline: its TF-IDF features (compute.py:
 * words of two or more characters starting with a letter, unigrams and bigrams after stop words, min_df 5,
 * max_df 0.5, the 10,000 most frequent, smoothed idf, sublinear tf, unit length; the text is title, abstract and
 * author names) and its classifier (serve.py: a linear SVM, squared hinge, balanced class weights, every other
 * paper a negative), with C = 0.01. Our stop-word list stands in for scikit-learn's. The benchmark gives it a
 * seeded sample of the other papers as negatives rather than every one (SANITY_NEGATIVES in for-you-methods.ts):
 * the same method, affordable for hundreds of readers. Benchmarks only.
 */
import {
  type Example,
  type LinearModel,
  type SparseVector,
  trainLinearSvm,
} from "../src/ranking/for-you-svm.js";
import { isStopword } from "../src/search/stopwords.js";

const TOKEN = /\b[a-zA-Z_][a-zA-Z0-9_]+\b/g;
export const SANITY = { minDf: 5, maxDf: 0.5, maxFeatures: 10_000, c: 0.01 } as const;

export interface SanityText {
  readonly title: string;
  readonly abstract: string;
  readonly authors: readonly string[];
}

export function words(text: string): string[] {
  const plain = text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  return (plain.match(TOKEN) ?? []).filter((word) => !isStopword(word));
}

/** Words get numbers as they are first seen; a bigram is its two words' numbers packed into one. */
class Grams {
  readonly words = new Map<string, number>();
  readonly names: string[] = [];

  key(word: string): number {
    let id = this.words.get(word);
    if (id === undefined) {
      id = this.names.length;
      this.words.set(word, id);
      this.names.push(word);
    }
    return id;
  }

  /** A text's unigram and bigram keys with their counts. */
  counts(text: SanityText): Map<number, number> {
    const ids = words(`${text.title} ${text.abstract} ${text.authors.join(" ")}`).map((w) => this.key(w) + 1);
    const out = new Map<number, number>();
    ids.forEach((id, i) => {
      out.set(id, (out.get(id) ?? 0) + 1);
      const bigram = i > 0 ? (ids[i - 1] ?? 0) * BIGRAM + id : 0;
      if (bigram > 0) out.set(bigram, (out.get(bigram) ?? 0) + 1);
    });
    return out;
  }

  name(key: number): string {
    const second = this.names[(key % BIGRAM) - 1] ?? "";
    return key < BIGRAM ? second : `${this.names[Math.floor(key / BIGRAM) - 1] ?? ""} ${second}`;
  }
}

const BIGRAM = 2 ** 22;

/** The fitted vocabulary: each kept term's column and idf. */
export interface SanityVocabulary {
  readonly grams: Grams;
  readonly column: ReadonlyMap<number, number>;
  readonly terms: readonly string[];
  readonly idf: Float64Array;
}

export function fitSanity(texts: readonly SanityText[]): SanityVocabulary {
  const grams = new Grams();
  const df = new Map<number, number>();
  const total = new Map<number, number>();
  for (const text of texts) {
    for (const [key, n] of grams.counts(text)) {
      df.set(key, (df.get(key) ?? 0) + 1);
      total.set(key, (total.get(key) ?? 0) + n);
    }
  }
  const ceiling = SANITY.maxDf * texts.length;
  const kept = [...df]
    .filter(([, d]) => d >= SANITY.minDf && d <= ceiling)
    .map(([key]) => key)
    .sort((a, b) => (total.get(b) ?? 0) - (total.get(a) ?? 0) || a - b)
    .slice(0, SANITY.maxFeatures);
  const idf = Float64Array.from(kept, (k) => Math.log((1 + texts.length) / (1 + (df.get(k) ?? 0))) + 1);
  return { grams, column: new Map(kept.map((k, i) => [k, i])), terms: kept.map((k) => grams.name(k)), idf };
}

/** A text's unit-length TF-IDF vector over the vocabulary. */
export function sanityVector(vocabulary: SanityVocabulary, text: SanityText): SparseVector {
  const index: number[] = [];
  const value: number[] = [];
  for (const [key, n] of vocabulary.grams.counts(text)) {
    const c = vocabulary.column.get(key);
    if (c === undefined) continue;
    index.push(c);
    value.push((1 + Math.log(n)) * (vocabulary.idf[c] ?? 0));
  }
  const norm = Math.sqrt(value.reduce((s, v) => s + v * v, 0)) || 1;
  return { index: Int32Array.from(index), value: Float32Array.from(value, (v) => v / norm) };
}

/**
 * A unit vector without the `drop` columns, scaled to unit length again: as if it had been made without them.
 * A vector holding none of them comes back as it is.
 */
export function withoutColumns(x: SparseVector, drop: ReadonlySet<number>): SparseVector {
  if (!x.index.some((c) => drop.has(c))) return x;
  const keep = [...x.index.keys()].filter((p) => !drop.has(x.index[p] ?? 0));
  const norm = Math.sqrt(keep.reduce((s, p) => s + (x.value[p] ?? 0) ** 2, 0)) || 1;
  return {
    index: Int32Array.from(keep, (p) => x.index[p] ?? 0),
    value: Float32Array.from(keep, (p) => (x.value[p] ?? 0) / norm),
  };
}

/** The columns a name's words make: its unigrams and every bigram holding one of them. */
export function nameColumns(vocabulary: SanityVocabulary, name: string): Set<number> {
  const own = new Set(words(name));
  const out = new Set<number>();
  vocabulary.terms.forEach((term, c) => {
    if (term.split(" ").some((w) => own.has(w))) out.add(c);
  });
  return out;
}

/** arxiv-sanity-lite's SVM: the reader's papers against the others, classes balanced. */
export function trainSanity(
  positives: readonly SparseVector[],
  negatives: readonly SparseVector[],
): LinearModel {
  const n = positives.length + negatives.length;
  const cost = (count: number) => (SANITY.c * n) / (2 * count);
  const examples: Example[] = [
    ...positives.map((x) => ({ x, positive: true, cost: cost(positives.length) })),
    ...negatives.map((x) => ({ x, positive: false, cost: cost(negatives.length) })),
  ];
  return trainLinearSvm(examples, {
    dimensions: SANITY.maxFeatures,
    tolerance: 1e-4,
    maxEpochs: 1000,
    seed: 1,
  });
}
