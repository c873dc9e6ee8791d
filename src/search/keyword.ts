import type { Database } from "../storage/database.js";
import {
  type KeywordResult,
  keywordSearch,
  type PaperFilters,
  type TextMatch,
} from "../storage/keyword-search.js";
import type { SearchQuery } from "./query/tree.js";
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

const WORD_PARTS = /[\p{L}\p{N}]+/gu;

/**
 * Plain words (no OR, no exclusion) that not all appear together are searched again as "any of them", minus
 * stop words, so a long question still finds the papers that share its rarer words. Quoted phrases stay whole;
 * words are cut at hyphens and punctuation ("4-PBA", "IL-6-induced"), since the strict pass already put the
 * papers with the exact compound first and one that shares only a part is still a candidate. Cutting them
 * lifted SciFact train keyword nDCG@10 from 0.697 to 0.708 (bench/search-quality.bench.ts).
 */
export function relaxedMatch(query: SearchQuery): TextMatch | null {
  const kept = new Set<string>();
  for (const clause of query.clauses) {
    if (clause.kind !== "include") return null;
    const { kind, text } = clause.words;
    if (kind === "phrase") kept.add(text.toLowerCase());
    else for (const part of text.match(WORD_PARTS) ?? []) if (!isStopword(part)) kept.add(part.toLowerCase());
  }
  return kept.size >= 2 ? { all: [...kept].map((part) => [part]), none: [], any: true } : null;
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
