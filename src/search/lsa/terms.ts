import { STOPWORDS } from "../stopwords.js";

const SPLIT = /[^\p{L}\p{N}]+/u;
const DIGITS = /^\d+$/;

/**
 * A light English stemmer (plurals and the commonest verb endings): enough to join "networks" with "network"
 * and "training" with "train" without Porter's full rule set.
 */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith("sses")) return word.slice(0, -2);
  if (word.endsWith("ing") && word.length > 5) return word.slice(0, -3);
  if (word.endsWith("ed") && word.length > 4 && !word.endsWith("eed")) return word.slice(0, -2);
  if (word.endsWith("s") && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/**
 * Calls `each` with the index terms of a text, in order: lower-cased, split on anything but letters and digits,
 * stop words and numbers out, stemmed. A callback rather than an array: an abstract's embedding spends a quarter
 * of its time here.
 */
function eachTerm(text: string, each: (term: string) => void): void {
  for (const token of text.toLowerCase().split(SPLIT)) {
    if (token.length < 2 || STOPWORDS.has(token) || DIGITS.test(token)) continue;
    each(stem(token));
  }
}

/** The index terms of a text, in order, repeats kept (see eachTerm). */
export function terms(text: string): string[] {
  const out: string[] = [];
  eachTerm(text, (term) => out.push(term));
  return out;
}

/** Term counts of a paper's text; the title counts twice, as titles say what a paper is about. */
export function termCounts(title: string, body: string): Map<string, number> {
  const counts = new Map<string, number>();
  eachTerm(title, (term) => counts.set(term, (counts.get(term) ?? 0) + 2));
  eachTerm(body, (term) => counts.set(term, (counts.get(term) ?? 0) + 1));
  return counts;
}
