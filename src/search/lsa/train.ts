import type { EmbeddingText } from "../embedders/embedder.js";
import { LsaModel } from "./model.js";
import { randomizedSvd } from "./randomized-svd.js";
import type { SparseRows } from "./sparse.js";
import { termCounts } from "./terms.js";

export interface LsaOptions {
  readonly dimensions: number;
  readonly seed: number;
  /** The vocabulary keeps this many terms, the most widespread first; rarer ones carry too little to learn. */
  readonly maxTerms: number;
  /**
   * The SVD learns from at most this many papers (a seeded sample, lsa/sample.ts); every paper is then folded
   * in. Training cost grows with it while the topics a sample of 20k papers finds barely change.
   */
  readonly maxTrainingPapers: number;
}

export const LSA_DEFAULTS: LsaOptions = Object.freeze({
  dimensions: 256,
  seed: 20_240_917,
  maxTerms: 30_000,
  maxTrainingPapers: 20_000,
});

/** Documents as (provisional term id, count) runs, with every term's document frequency. */
function countTerms(documents: readonly EmbeddingText[]) {
  const ids = new Map<string, number>();
  const df: number[] = [];
  const docStart = new Int32Array(documents.length + 1);
  const termIds: number[] = [];
  const counts: number[] = [];
  documents.forEach((doc, d) => {
    for (const [term, count] of termCounts(doc.title, doc.body)) {
      let id = ids.get(term);
      if (id === undefined) {
        id = df.length;
        ids.set(term, id);
        df.push(0);
      }
      df[id] = (df[id] ?? 0) + 1;
      termIds.push(id);
      counts.push(count);
    }
    docStart[d + 1] = termIds.length;
  });
  return { ids, df, docStart, termIds: Int32Array.from(termIds), counts: Int32Array.from(counts) };
}

/** Terms in at least two documents and at most half of them, the most widespread first. */
function chooseVocabulary(
  ids: Map<string, number>,
  df: readonly number[],
  documents: number,
  maxTerms: number,
) {
  const ceiling = Math.max(2, documents * 0.5);
  return [...ids.entries()]
    .filter(([, id]) => (df[id] ?? 0) >= 2 && (df[id] ?? 0) <= ceiling)
    .sort((a, b) => (df[b[1]] ?? 0) - (df[a[1]] ?? 0) || (a[0] < b[0] ? -1 : 1))
    .slice(0, maxTerms);
}

/**
 * Trains an LSA model (TF-IDF, then a seeded randomized truncated SVD) on a sample of an instance's own
 * papers; `papers` (how many the instance has) goes into the model's version.
 */
export function trainLsa(
  documents: readonly EmbeddingText[],
  papers: number,
  options: LsaOptions = LSA_DEFAULTS,
): LsaModel {
  const counted = countTerms(documents);
  const vocabulary = chooseVocabulary(counted.ids, counted.df, documents.length, options.maxTerms);
  const column = new Int32Array(counted.df.length).fill(-1);
  vocabulary.forEach(([, id], i) => {
    column[id] = i;
  });
  const idf = Float32Array.from(vocabulary, ([, id]) => Math.log(documents.length / (counted.df[id] ?? 1)));
  const matrix = tfidfRows(counted, column, idf, vocabulary.length);
  const svd = randomizedSvd(matrix, {
    rank: options.dimensions,
    oversample: 8,
    powerIterations: 1,
    seed: options.seed,
  });
  const version = `${svd.rank}d-${papers}-${Date.now().toString(36)}`;
  return new LsaModel(
    version,
    vocabulary.map(([term]) => term),
    idf,
    svd.components,
    svd.rank,
  );
}

/** Unit-length TF-IDF rows (sublinear term frequency) over the chosen vocabulary. */
function tfidfRows(
  counted: ReturnType<typeof countTerms>,
  column: Int32Array,
  idf: Float32Array,
  columns: number,
): SparseRows {
  const rows = counted.docStart.length - 1;
  const rowStart = new Int32Array(rows + 1);
  const cols: number[] = [];
  const values: number[] = [];
  for (let d = 0; d < rows; d += 1) {
    const first = cols.length;
    for (let p = counted.docStart[d] ?? 0; p < (counted.docStart[d + 1] ?? 0); p += 1) {
      const c = column[counted.termIds[p] ?? 0] ?? -1;
      if (c < 0) continue;
      cols.push(c);
      values.push((1 + Math.log(counted.counts[p] ?? 1)) * (idf[c] ?? 0));
    }
    let norm = 0;
    for (let p = first; p < values.length; p += 1) norm += (values[p] ?? 0) ** 2;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let p = first; p < values.length; p += 1) values[p] = (values[p] ?? 0) * scale;
    rowStart[d + 1] = cols.length;
  }
  return { rows, columns, rowStart, column: Int32Array.from(cols), value: Float32Array.from(values) };
}
