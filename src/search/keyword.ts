import type { Database } from "../storage/database.js";
import { isDeadlineError } from "../storage/deadline.js";
import { keywordSearch } from "../storage/keyword-search.js";
import type { KeywordResult, PaperFilters, TextMatch } from "../storage/keyword-types.js";
import { indexedPapers, wordFrequencies } from "../storage/word-frequencies.js";
import type { SearchQuery, Words } from "./query/tree.js";
import { isStopword } from "./stopwords.js";

/**
 * Cost bounds, in postings read. FTS5's BM25 reads every posting of every word it ranks by (to weigh the word)
 * and scores every matching paper, about 1.5 microseconds each: "any of" a title's words, common ones included,
 * ranked 20-60k papers at 75k and took 100-500 ms. So a word in more than COMMON_WORD papers (counted up to
 * there and remembered) is left out of the strict match when two rarer words remain to pin the papers down (a
 * title, a long question), and never goes into the relaxed match, which takes the rarer words rarest first
 * while their papers add up to RELAXED_POSTINGS. SciFact train keyword nDCG@10 stayed at 0.708; titles over
 * 74,728 papers went from p50 229 ms to a few ms (bench/search-speed.bench.ts).
 */
export const COMMON_WORD = 2_000;
export const RELAXED_POSTINGS = 5_000;
/**
 * On a larger archive a word is common from the same share of its papers as COMMON_WORD was of the 74,728 it
 * was tuned on: at 1,000,000 generated papers every title word but a few passed 2,000, a title's strict match
 * kept all eleven of its words, and FTS5 took 69 ms to intersect them.
 */
export const COMMON_SHARE = COMMON_WORD / 74_728;

/** The count from which a word is common in an index of `papers` papers. */
export function commonFrom(papers: number): number {
  return Math.max(COMMON_WORD, Math.ceil(papers * COMMON_SHARE));
}
/** Rarer words a strict match must keep before its common words may go. */
const RARE_WORDS_TO_DROP_COMMON = 2;

const WORD_PARTS = /[\p{L}\p{N}]+/gu;

type Frequencies = ReadonlyMap<string, number>;
const isStop = (words: Words) => words.kind === "word" && isStopword(words.text);

/**
 * Words in more than this share of the papers are left out of a strict match that has fewer than two rare words,
 * as long as two words remain. Such a word filters little and weighs little (BM25 gives a word in a fifth of
 * the papers a fifth of the weight of one in a thousandth), but FTS5 reads its long posting list to the end
 * whenever the others' papers are few: at 3,000,000 generated papers "model" is in nine papers of ten, and
 * titles of such words took 100-180 ms to intersect.
 */
export const VERY_COMMON_SHARE = 0.2;

/** The count from which a word is very common in an index of `papers` papers (never below `commonFrom`). */
export function veryCommonFrom(papers: number): number {
  return Math.max(commonFrom(papers), Math.ceil(papers * VERY_COMMON_SHARE));
}

/**
 * What the keyword index must match for a parsed query; null when the query has no words at all. Stop words
 * typed as plain words are left out (unless nothing else is left), and so are words in more than `common`
 * papers (by `frequencies`) when enough rarer ones remain, or failing that words in more than `veryCommon`.
 */
export function textMatch(
  query: SearchQuery,
  frequencies: Frequencies = new Map(),
  common = COMMON_WORD,
  veryCommon = Number.POSITIVE_INFINITY,
): TextMatch | null {
  const include = query.clauses.flatMap((c) => (c.kind === "include" ? [c.words] : []));
  const content = include.filter((w) => !isStop(w));
  const count = (w: Words) => frequencies.get(w.text.toLowerCase()) ?? 0;
  const rare = content.filter((w) => count(w) <= common);
  const kept =
    rare.length >= RARE_WORDS_TO_DROP_COMMON
      ? rare
      : content.length > 0
        ? withoutVeryCommon(content, count, veryCommon)
        : include;
  const all = kept.map((w) => [w.text]);
  const none: string[] = [];
  for (const clause of query.clauses) {
    if (clause.kind === "any") all.push(clause.options.map((option) => option.text));
    else if (clause.kind === "exclude") none.push(clause.words.text);
  }
  return all.length === 0 && none.length === 0 ? null : { all, none, any: false };
}

/** `words` without those past `veryCommon`, keeping the rarest RARE_WORDS_TO_DROP_COMMON at least, in order. */
function withoutVeryCommon(words: readonly Words[], count: (w: Words) => number, veryCommon: number) {
  const rarest = new Set([...words].sort((a, b) => count(a) - count(b)).slice(0, RARE_WORDS_TO_DROP_COMMON));
  return words.filter((w) => rarest.has(w) || count(w) <= veryCommon);
}

/** The plain words of a query whose frequencies decide what the strict match keeps. */
function strictWords(query: SearchQuery): string[] {
  return query.clauses.flatMap((c) =>
    c.kind === "include" && !isStop(c.words) ? [c.words.text.toLowerCase()] : [],
  );
}

/**
 * The words of a query of plain words (no OR, no exclusion) that a relaxed "any of them" search may use:
 * quoted phrases whole, other words cut at hyphens and punctuation ("4-PBA", "IL-6-induced"), stop words and
 * repeats left out; null for other queries. Cutting words lifted SciFact train keyword nDCG@10 from 0.697 to
 * 0.708 (bench/search-quality.bench.ts): the strict pass already put the exact compounds first.
 */
export function relaxedWords(query: SearchQuery): string[] | null {
  const kept = new Set<string>();
  for (const clause of query.clauses) {
    if (clause.kind !== "include") return null;
    const { kind, text } = clause.words;
    if (kind === "phrase") kept.add(text.toLowerCase());
    else for (const part of text.match(WORD_PARTS) ?? []) if (!isStopword(part)) kept.add(part.toLowerCase());
  }
  return kept.size > 0 ? [...kept] : null;
}

/**
 * The relaxed match: the rarest words first, while their papers fit the posting budget. When even the rarest
 * word is past it, every word is common and "any of them" would rank a good part of the corpus: null.
 */
export function relaxedMatch(frequencies: Frequencies, common = COMMON_WORD): TextMatch | null {
  const rarestFirst = [...frequencies].filter(([, n]) => n > 0 && n <= common).sort((a, b) => a[1] - b[1]);
  const chosen: string[] = [];
  let postings = 0;
  for (const [word, n] of rarestFirst) {
    if (postings + n > RELAXED_POSTINGS) break;
    chosen.push(word);
    postings += n;
  }
  return chosen.length > 0 ? { all: chosen.map((word) => [word]), none: [], any: true } : null;
}

export interface KeywordRanking extends KeywordResult {
  readonly partial?: boolean;
  /** How many papers hold every word of the strict match: the count of papers that match. */
  readonly matched: number;
  /** Those of `ids` that hold every word; the others hold some of the rarer ones. */
  readonly holdingAll: ReadonlySet<string>;
  /** The strict match (null when the query has no words), to tell whether other papers hold every word. */
  readonly match: TextMatch | null;
}

/** The strict match of a query, its common words (by counts in the index) left out when rarer ones remain. */
async function strictMatch(database: Database, query: SearchQuery, relaxable: readonly string[] | null) {
  const papers = await indexedPapers(database);
  const common = commonFrom(papers);
  const veryCommon = veryCommonFrom(papers);
  const frequencies = await wordFrequencies(
    database,
    [...strictWords(query), ...(relaxable ?? [])],
    veryCommon + 1,
  );
  return { match: textMatch(query, frequencies, common, veryCommon), frequencies, common };
}

/**
 * Keyword ranking for the first `window` results: papers holding every word first, then (for plain words) those
 * holding some of the rarer ones. `total` counts both kinds, `matched` the first.
 */
export async function keywordRanking(
  database: Database,
  query: SearchQuery,
  filters: PaperFilters,
  window: number,
): Promise<KeywordRanking> {
  const relaxable = relaxedWords(query);
  const { match, frequencies, common } = await strictMatch(database, query, relaxable);
  const strict = await keywordSearch(database, { match, filters, offset: 0, limit: window });
  const exact = { ...strict, matched: strict.total, holdingAll: new Set(strict.ids), match };
  const relaxed =
    strict.total < window && relaxable
      ? relaxedMatch(new Map(relaxable.map((w) => [w, frequencies.get(w) ?? 0])), common)
      : null;
  if (!relaxed || sameWords(relaxed, match)) return exact;
  // The relaxed match's words hold RELAXED_POSTINGS papers at most, so all its matches are ranked, not only the
  // newest RANK_NEWEST: bounding it too had ranked an arbitrary 2,000 of up to 5,000 and taken SciFact's keyword
  // nDCG@10 from 0.708 to 0.618 (Recall@100 0.930 to 0.805).
  const loose = await keywordSearch(database, {
    match: relaxed,
    filters,
    offset: 0,
    limit: window,
    rankNewest: RELAXED_POSTINGS,
  }).catch((error: unknown) => (isDeadlineError(error) ? null : Promise.reject(error)));
  // Out of time for the relaxed pass: the papers holding every word are the best found in time.
  if (loose === null) return { ...exact, partial: true };
  // Papers with every word come first; scores come from the relaxed query where it has one, so that they
  // compare across the two lists.
  const looseScore = new Map(loose.ids.map((id, i) => [id, loose.scores[i] ?? 0]));
  const ids = [...strict.ids, ...loose.ids.filter((id) => !exact.holdingAll.has(id))].slice(0, window);
  const strictScore = new Map(strict.ids.map((id, i) => [id, strict.scores[i] ?? 0]));
  const scores = ids.map((id) => looseScore.get(id) ?? strictScore.get(id) ?? 0);
  return { ...exact, ids, scores, total: Math.max(strict.total, loose.total) };
}

/** The papers holding every word of the query, newest first: the search sorted by date. */
export async function keywordByDate(
  database: Database,
  query: SearchQuery,
  filters: PaperFilters,
  window: number,
): Promise<KeywordRanking> {
  const { match } = await strictMatch(database, query, null);
  const found = await keywordSearch(database, { match, filters, offset: 0, limit: window, order: "date" });
  return { ...found, matched: found.total, holdingAll: new Set(found.ids), match };
}

/** A relaxed match of one word that the strict match already searched alone adds nothing. */
function sameWords(relaxed: TextMatch, strict: TextMatch | null): boolean {
  const one = (m: TextMatch | null) =>
    m?.all.length === 1 && m.all[0]?.length === 1 ? m.all[0][0]?.toLowerCase() : null;
  return relaxed.all.length === 1 && one(relaxed) === one(strict);
}
