/**
 * A reader for BEIR-format benchmark folders (corpus.jsonl[.gz], queries_*.jsonl, qrels/*.tsv) and the two
 * measures BEIR reports. Benchmarks only: the product never reads these files.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";

export interface BeirDocument {
  readonly id: string;
  readonly title: string;
  readonly text: string;
}

export interface BeirSet {
  readonly corpus: readonly BeirDocument[];
  /** Query id to query text, for the queries that have judgments. */
  readonly queries: ReadonlyMap<string, string>;
  /** Query id to its relevant document ids. */
  readonly relevant: ReadonlyMap<string, ReadonlySet<string>>;
}

function jsonLines<T>(text: string): T[] {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as T);
}

export function loadBeir(folder: string, split: string): BeirSet {
  const raw = readFileSync(join(folder, "corpus.jsonl.gz"));
  const corpus = jsonLines<{ _id: string; title?: string; text: string }>(
    gunzipSync(raw).toString("utf8"),
  ).map((d) => ({ id: d._id, title: d.title ?? "", text: d.text }));
  const relevant = new Map<string, Set<string>>();
  for (const line of readFileSync(join(folder, "qrels", `${split}.tsv`), "utf8")
    .split("\n")
    .slice(1)) {
    const [query, doc, score] = line.split("\t");
    if (!query || !doc || Number(score) <= 0) continue;
    relevant.set(query, (relevant.get(query) ?? new Set()).add(doc));
  }
  const queries = new Map<string, string>();
  for (const q of jsonLines<{ _id: string; text: string }>(
    readFileSync(join(folder, `queries_${split}.jsonl`), "utf8"),
  ))
    if (relevant.has(q._id)) queries.set(q._id, q.text);
  return { corpus, queries, relevant };
}

/** nDCG@k with binary relevance, as BEIR computes it (pytrec_eval). */
export function ndcgAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  let dcg = 0;
  ranked.slice(0, k).forEach((id, i) => {
    if (relevant.has(id)) dcg += 1 / Math.log2(i + 2);
  });
  let ideal = 0;
  for (let i = 0; i < Math.min(k, relevant.size); i += 1) ideal += 1 / Math.log2(i + 2);
  return ideal === 0 ? 0 : dcg / ideal;
}

export function recallAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  const top = new Set(ranked.slice(0, k));
  let hits = 0;
  for (const id of relevant) if (top.has(id)) hits += 1;
  return relevant.size === 0 ? 0 : hits / relevant.size;
}
