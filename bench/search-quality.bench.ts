/**
 * Search quality on BEIR SciFact's train split: nDCG@10 and Recall@100 for keyword, semantic and hybrid
 * ranking, plus the fusion grid the hybrid parameters were chosen from. Tune on train only.
 */

import { systemClock } from "../src/core/clock.js";
import { LsaSource } from "../src/search/embedders/lsa-source.js";
import { DEFAULT_FUSION, type FusionParameters } from "../src/search/fusion.js";
import { type SearchMode, searchPapers } from "../src/search/search-papers.js";
import { SemanticIndex } from "../src/search/semantic-index.js";
import { type BeirSet, loadBeir, ndcgAt, recallAt } from "./beir.js";
import { benchInstance, load, record } from "./search-instance.js";
import { sharedPath } from "./shared-data.js";

type Ranker = (text: string, mode: SearchMode, fusion: FusionParameters) => Promise<string[]>;

async function measure(set: BeirSet, ranker: Ranker, mode: SearchMode, fusion: FusionParameters) {
  let ndcg = 0;
  let recall = 0;
  for (const [id, text] of set.queries) {
    const ranked = await ranker(text, mode, fusion);
    const relevant = set.relevant.get(id) ?? new Set<string>();
    ndcg += ndcgAt(ranked, relevant, 10);
    recall += recallAt(ranked, relevant, 100);
  }
  return { ndcg: ndcg / set.queries.size, recall: recall / set.queries.size };
}

export async function run(): Promise<void> {
  const folder = sharedPath("scifact");
  if (!folder) return;
  const set = loadBeir(folder, "train");
  const services = await benchInstance("scifact");
  try {
    await load(
      services,
      set.corpus.map((d) => ({
        record: record({ id: d.id, title: d.title, abstract: d.text }),
        featureOn: null,
      })),
    );
    const semantic = new SemanticIndex(services.database, new LsaSource(services.database, systemClock));
    const started = performance.now();
    await semantic.refresh();
    console.log(
      `lsa model + ${semantic.size} vectors: ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    // Claims are questions, not operator syntax: strip quotes and leading dashes so they read as plain words.
    const ranker: Ranker = async (text, mode, fusion) => {
      const q = text.replace(/["]/g, " ").replace(/(^|\s)-+/g, " ");
      const outcome = await searchPapers(
        { database: services.database, semantic, fusion },
        { q, mode, offset: 0, limit: 100 },
      );
      return outcome.papers.map((p) => p.id);
    };
    console.log(`SciFact train: ${set.queries.size} queries, ${set.corpus.length} documents`);
    for (const mode of ["keyword", "semantic", "hybrid"] as const) {
      const m = await measure(set, ranker, mode, DEFAULT_FUSION);
      console.log(`${mode.padEnd(8)} nDCG@10 ${m.ndcg.toFixed(4)}  Recall@100 ${m.recall.toFixed(4)}`);
    }
    if (process.env.FUSION_GRID) {
      for (const k of [10, 30, 60]) {
        for (const semanticWeight of [0.3, 0.5, 0.7, 1]) {
          const m = await measure(set, ranker, "hybrid", { k, keywordWeight: 1, semanticWeight });
          console.log(
            `grid k=${k} semantic=${semanticWeight}: nDCG@10 ${m.ndcg.toFixed(4)} R@100 ${m.recall.toFixed(4)}`,
          );
        }
      }
    }
  } finally {
    await services.close();
  }
}
