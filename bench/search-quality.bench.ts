/**
 * Search quality on BEIR SciFact's train split: nDCG@10 and Recall@100 for keyword, semantic and hybrid
 * ranking, plus the fusion grid the hybrid parameters were chosen from. Tune on train only.
 */

import { systemClock } from "../src/core/clock.js";
import { LsaSource } from "../src/search/embedders/lsa-source.js";
import { DEFAULT_FUSION, type FusionParameters, fuseRankings, type Scored } from "../src/search/fusion.js";
import { keywordRanking } from "../src/search/keyword.js";
import { parseQuery } from "../src/search/query/parse.js";
import { NO_FILTERS } from "../src/search/query/tree.js";
import { FUSION_DEPTH } from "../src/search/search-papers.js";
import { SemanticIndex } from "../src/search/semantic-index.js";
import { type BeirSet, loadBeir, ndcgAt, recallAt } from "./beir.js";
import { benchInstance, load, record } from "./search-instance.js";
import { sharedPath } from "./shared-data.js";

interface Lists {
  readonly keyword: Scored;
  readonly semantic: Scored;
}

function score(set: BeirSet, lists: ReadonlyMap<string, Lists>, pick: (l: Lists) => readonly string[]) {
  let ndcg = 0;
  let recall = 0;
  for (const [id, l] of lists) {
    const relevant = set.relevant.get(id) ?? new Set<string>();
    const ranked = pick(l);
    ndcg += ndcgAt(ranked, relevant, 10);
    recall += recallAt(ranked, relevant, 100);
  }
  return `nDCG@10 ${(ndcg / lists.size).toFixed(4)}  Recall@100 ${(recall / lists.size).toFixed(4)}`;
}

/** Claims are sentences, not operator syntax: quotes and leading dashes are dropped so they read as words. */
function plain(text: string): string {
  return text.replace(/["]/g, " ").replace(/(^|\s)-+/g, " ");
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
    // The product's own two rankings per query (what searchPapers fuses), computed once and fused per setting.
    const lists = new Map<string, Lists>();
    for (const [id, text] of set.queries) {
      const query = parseQuery(plain(text));
      const keyword = await keywordRanking(services.database, query, NO_FILTERS, FUSION_DEPTH);
      const near = await semantic.searchText(query.text, FUSION_DEPTH);
      lists.set(id, { keyword, semantic: { ids: near.map((m) => m.id), scores: near.map((m) => m.score) } });
    }
    console.log(`SciFact train: ${set.queries.size} judged queries, ${set.corpus.length} documents`);
    console.log(`keyword  ${score(set, lists, (l) => l.keyword.ids)}`);
    console.log(`semantic ${score(set, lists, (l) => l.semantic.ids)}`);
    console.log(`hybrid   ${score(set, lists, (l) => fuseRankings(l.keyword, l.semantic, DEFAULT_FUSION))}`);
    const grid: FusionParameters[] = [
      ...[0.5, 0.6, 0.7, 0.8, 0.9].map((keywordWeight) => ({ method: "convex" as const, keywordWeight })),
      ...[5, 60].flatMap((k) =>
        [0.6, 0.8].map((keywordWeight) => ({ method: "rrf" as const, k, keywordWeight })),
      ),
    ];
    for (const fusion of grid) {
      console.log(
        `  grid ${JSON.stringify(fusion)}: ${score(set, lists, (l) => fuseRankings(l.keyword, l.semantic, fusion))}`,
      );
    }
  } finally {
    await services.close();
  }
}
