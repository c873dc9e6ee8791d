import { isStopword } from "../stopwords.js";
import type { Clause, Words } from "./tree.js";

/**
 * Most words and phrases a query searches by. Each costs a pass over its posting list; `a ` typed 250 times
 * kept 250 copies of one word and took 72 s over 74,728 papers. Real questions stay well under it.
 */
export const MAX_QUERY_TERMS = 16;
/** Longest phrase a query of stop words alone becomes. */
const MAX_STOPWORD_PHRASE = 8;

const key = (words: Words) => `${words.kind}:${words.text.toLowerCase()}`;

/** The query's clauses with repeats dropped, stop-word-only text made a phrase, and the rest capped. */
export function boundClauses(clauses: readonly Clause[], notes: string[]): Clause[] {
  // Phrasing comes first: a title of stop words keeps its repeats ("to be or not to be").
  const phrased = dropRepeats(stopwordsAsPhrase(clauses, notes));
  let terms = 0;
  const kept: Clause[] = [];
  for (const clause of phrased) {
    const size = clause.kind === "any" ? clause.options.length : 1;
    if (terms + size > MAX_QUERY_TERMS) {
      notes.push(`only the first ${MAX_QUERY_TERMS} words and phrases were searched`);
      break;
    }
    terms += size;
    kept.push(clause);
  }
  return kept;
}

function dropRepeats(clauses: readonly Clause[]): Clause[] {
  const seen = new Set<string>();
  const kept: Clause[] = [];
  for (const clause of clauses) {
    const options =
      clause.kind === "any" ? [...new Map(clause.options.map((o) => [key(o), o])).values()] : [];
    const id =
      clause.kind === "any"
        ? `any:${options.map(key).sort().join("|")}`
        : `${clause.kind}:${key(clause.words)}`;
    if (seen.has(id)) continue;
    seen.add(id);
    kept.push(
      clause.kind === "any" && options.length === 1 && options[0]
        ? { kind: "include", words: options[0] }
        : clause.kind === "any"
          ? { kind: "any", options }
          : clause,
    );
  }
  return kept;
}

/**
 * A query of stop words alone ("to be or not to be", "the the") is most likely a title: it is searched as one
 * phrase of its words in order. One stop word by itself would rank nearly every paper, so it is not searched.
 */
function stopwordsAsPhrase(clauses: readonly Clause[], notes: string[]): Clause[] {
  const words = clauses.flatMap((c) =>
    c.kind === "include" && c.words.kind === "word" ? [c.words.text] : [],
  );
  if (words.length === 0 || words.length !== clauses.length || !words.every(isStopword)) return [...clauses];
  const distinct = new Set(words.map((word) => word.toLowerCase()));
  if (distinct.size === 1) {
    notes.push(`"${words[0]}" is too common a word to search by itself; add a more specific one`);
    return [];
  }
  const text = words.slice(0, MAX_STOPWORD_PHRASE).join(" ");
  return [{ kind: "include", words: { kind: "phrase", text } }];
}
