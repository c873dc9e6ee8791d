import type { Database } from "../storage/database.js";
import { keywordSearch } from "../storage/keyword-search.js";
import type { PaperFilters } from "../storage/keyword-types.js";
import type { KeywordRanking } from "./keyword.js";

/**
 * How a search result stands to the query's words, so the page can say which results match and which are only
 * near: `match` holds every word (or is titled exactly so), `partial` some of the rarer words, `related` none
 * that keyword search asked for (a semantic neighbour).
 */
export type ResultKind = "match" | "partial" | "related";

/**
 * The kind of each of a page's results under a keyword ranking. A semantic neighbour past the keyword window may
 * still hold every word: those are asked of the index (a page's worth of ids) rather than called related.
 */
export async function resultKinds(
  database: Database,
  keyword: KeywordRanking,
  filters: PaperFilters,
  ids: readonly string[],
  titled: readonly string[],
): Promise<Map<string, ResultKind>> {
  const ranked = new Set(keyword.ids);
  const kinds = new Map<string, ResultKind>();
  const unsure: string[] = [];
  for (const id of ids) {
    if (keyword.holdingAll.has(id) || titled.includes(id)) kinds.set(id, "match");
    else if (ranked.has(id)) kinds.set(id, "partial");
    else unsure.push(id);
  }
  const more = keyword.matched > keyword.holdingAll.size && keyword.match !== null && unsure.length > 0;
  const found = more
    ? await keywordSearch(database, {
        match: keyword.match,
        filters,
        within: unsure,
        offset: 0,
        limit: unsure.length,
      })
    : { ids: [] };
  const holding = new Set(found.ids);
  for (const id of unsure) kinds.set(id, holding.has(id) ? "match" : "related");
  return kinds;
}
