import type { Database } from "../storage/database.js";
import {
  type KeywordResult,
  keywordSearch,
  type PaperFilters,
  type TextMatch,
} from "../storage/keyword-search.js";
import type { SearchQuery, Words } from "./query/tree.js";
import { isStopword } from "./stopwords.js";

/** What the keyword index must match for a parsed query; null when the query has no words at all. */
export function textMatch(query: SearchQuery): TextMatch | null {
  const all: string[][] = [];
  const none: string[] = [];
  for (const clause of query.clauses) {
    if (clause.kind === "include") all.push([clause.words.text]);
    else if (clause.kind === "any") all.push(clause.options.map((option) => option.text));
    else none.push(clause.words.text);
  }
  return all.length === 0 && none.length === 0 ? null : { all, none, any: false };
}

/**
 * Plain words (no OR, no exclusion) that not all appear together are searched again as "any of them", minus
 * stop words, so a long question still finds the papers that share its rarer words.
 */
export function relaxedMatch(query: SearchQuery): TextMatch | null {
  const words: Words[] = [];
  for (const clause of query.clauses) {
    if (clause.kind !== "include") return null;
    words.push(clause.words);
  }
  const kept = words.filter((w) => w.kind === "phrase" || !isStopword(w.text)).map((w) => [w.text]);
  return kept.length >= 2 ? { all: kept, none: [], any: true } : null;
}

/**
 * Keyword ranking for the first `window` results: papers holding every word first, then (for plain words) those
 * holding some of them. `total` counts every match.
 */
export async function keywordRanking(
  database: Database,
  query: SearchQuery,
  filters: PaperFilters,
  window: number,
): Promise<KeywordResult> {
  const match = textMatch(query);
  const strict = await keywordSearch(database, { match, filters, offset: 0, limit: window });
  const relaxed = strict.total < window ? relaxedMatch(query) : null;
  if (!relaxed) return strict;
  const loose = await keywordSearch(database, { match: relaxed, filters, offset: 0, limit: window });
  // Papers with every word come first; scores come from the relaxed query where it has one, so that they
  // compare across the two lists.
  const looseScore = new Map(loose.ids.map((id, i) => [id, loose.scores[i] ?? 0]));
  const seen = new Set(strict.ids);
  const ids = [...strict.ids, ...loose.ids.filter((id) => !seen.has(id))].slice(0, window);
  const strictScore = new Map(strict.ids.map((id, i) => [id, strict.scores[i] ?? 0]));
  const scores = ids.map((id) => looseScore.get(id) ?? strictScore.get(id) ?? 0);
  return { ids, scores, total: Math.max(strict.total, loose.total) };
}
