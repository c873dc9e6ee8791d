/**
 * Search quality on BEIR SciFact's train split: nDCG@10 and Recall@100 per mode, each measured through the
 * product's own searchPapers, then the grid the hybrid parameters (src/search/hybrid.ts) were chosen from.
 * Tune on train only: the test split is held out.
 */

import { systemClock } from "../src/core/clock.js";
import { LsaSource } from "../src/search/embedders/lsa-source.js";
import { type FusionParameters, fuseRankings, type Scored } from "../src/search/fusion.js";
import { HYBRID } from "../src/search/hybrid.js";
import { keywordRanking } from "../src/search/keyword.js";
import { parseQuery } from "../src/search/query/parse.js";
import { NO_FILTERS } from "../src/search/query/tree.js";
import { SEARCH_MODES, searchPapers } from "../src/search/search-papers.js";
import { SemanticIndex } from "../src/search/semantic-index.js";
import type { Services } from "../src/services.js";
import { type BeirSet, loadBeir, ndcgAt, recallAt } from "./beir.js";
import { onEachDatabase } from "./databases.js";
import { benchInstance, load, record } from "./search-instance.js";
import { sharedPath } from "./shared-data.js";

/** Per query: the two rankings hybrid fuses, with and without feedback, for the parameter grid. */
interface Lists {
  readonly keyword: Scored;
  readonly semantic: Scored;
  readonly fedBack: Scored;
}

function score(set: BeirSet, rankings: ReadonlyMap<string, readonly string[]>): string {
  let ndcg = 0;
  let recall = 0;
  for (const [id, ranked] of rankings) {
    const relevant = set.relevant.get(id) ?? new Set<string>();
    ndcg += ndcgAt(ranked, relevant, 10);
    recall += recallAt(ranked, relevant, 100);
  }
  return `nDCG@10 ${(ndcg / rankings.size).toFixed(4)}  Recall@100 ${(recall / rankings.size).toFixed(4)}`;
}

const each = <T>(lists: ReadonlyMap<string, T>, pick: (l: T) => readonly string[]) =>
  new Map([...lists].map(([id, l]) => [id, pick(l)] as const));

/** Claims are sentences, not operator syntax: quotes and leading dashes are dropped so they read as words. */
function plain(text: string): string {
  return text.replace(/["]/g, " ").replace(/(^|\s)-+/g, " ");
}

const scored = (matches: readonly { id: string; score: number }[]): Scored => ({
  ids: matches.map((m) => m.id),
  scores: matches.map((m) => m.score),
});

async function gridLists(
  set: BeirSet,
  database: Parameters<typeof keywordRanking>[0],
  semantic: SemanticIndex,
) {
  const lists = new Map<string, Lists>();
  for (const [id, text] of set.queries) {
    const query = parseQuery(plain(text));
    const keyword = await keywordRanking(database, query, NO_FILTERS, HYBRID.depth);
    const feedback = { papers: keyword.ids.slice(0, HYBRID.feedbackPapers), weight: HYBRID.feedbackWeight };
    lists.set(id, {
      keyword,
      semantic: scored(await semantic.searchText(query.text, HYBRID.depth)),
      fedBack: scored(await semantic.searchText(query.text, HYBRID.depth, feedback)),
    });
  }
  return lists;
}

export async function run(): Promise<void> {
  const folder = sharedPath("scifact");
  if (!folder) return;
  const set = loadBeir(folder, "train");
  await onEachDatabase("scifact", async (database) => {
    const services = await benchInstance("scifact", database.url);
    try {
      await measure(set, services);
    } finally {
      await services.close();
    }
  });
}

async function measure(set: BeirSet, services: Services): Promise<void> {
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
  console.log(`lsa model + ${semantic.size} vectors: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(`SciFact train: ${set.queries.size} judged queries, ${set.corpus.length} documents`);
  for (const mode of SEARCH_MODES) {
    const rankings = new Map<string, readonly string[]>();
    for (const [id, text] of set.queries) {
      const outcome = await searchPapers(
        { database: services.database, semantic },
        { q: plain(text), mode, offset: 0, limit: 100 },
      );
      rankings.set(
        id,
        outcome.papers.map((p) => p.id),
      );
    }
    console.log(`${mode.padEnd(8)} ${score(set, rankings)}`);
  }
  const lists = await gridLists(set, services.database, semantic);
  console.log(
    `semantic with feedback ${score(
      set,
      each(lists, (l) => l.fedBack.ids),
    )}`,
  );
  const grid: FusionParameters[] = [
    ...[0.5, 0.6, 0.7, 0.8].map((keywordWeight) => ({ method: "zscore" as const, keywordWeight })),
    ...[0.6, 0.7, 0.8].map((keywordWeight) => ({ method: "convex" as const, keywordWeight })),
    ...[5, 60].map((k) => ({ method: "rrf" as const, k, keywordWeight: 0.7 })),
  ];
  for (const fusion of grid) {
    const fed = score(
      set,
      each(lists, (l) => fuseRankings(l.keyword, l.fedBack, fusion)),
    );
    const bare = score(
      set,
      each(lists, (l) => fuseRankings(l.keyword, l.semantic, fusion)),
    );
    console.log(`  grid ${JSON.stringify(fusion)}: with feedback ${fed}; without ${bare}`);
  }
}
