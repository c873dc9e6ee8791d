import { isStopword } from "../stopwords.js";

const SPLIT = /[^\p{L}\p{N}]+/u;

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

/** The index terms of a text: lower-cased, split on anything but letters and digits, stop words and numbers out. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const token of text.toLowerCase().split(SPLIT)) {
    if (token.length < 2 || /^\d+$/.test(token) || isStopword(token)) continue;
    out.push(stem(token));
  }
  return out;
}

/** Term counts of a paper's text; the title counts twice, as titles say what a paper is about. */
export function termCounts(title: string, body: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms(title)) counts.set(term, (counts.get(term) ?? 0) + 2);
  for (const term of terms(body)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}
