import { stem } from "../../search/lsa/terms.js";
import { isStopword } from "../../search/stopwords.js";

/**
 * Words marked at most: each is an alternative the pattern tries at every position of every title and abstract
 * on the page, so a query of sixty words would make rendering its results the slowest part of the search.
 */
const MARKED_WORDS = 16;

/**
 * A pattern that finds the query's words in a text, matching any ending of each word's stem ("network" marks
 * "networks"), case-insensitively; null when there is nothing to mark. Stop words are not marked (the search
 * leaves them out too), and only the first MARKED_WORDS distinct words are.
 */
export function highlightPattern(words: readonly string[]): RegExp | null {
  const stems = new Set<string>();
  for (const text of words) {
    for (const token of text.toLowerCase().split(/[^\p{L}\p{N}]+/u))
      if (token.length >= 2 && !isStopword(token) && stems.size < MARKED_WORDS) stems.add(stem(token));
  }
  if (stems.size === 0) return null;
  const alternatives = [...stems]
    .sort((a, b) => b.length - a.length)
    .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})[\\p{L}\\p{N}]*`, "giu");
}

/** Text with the query's words wrapped in <mark>; Preact escapes every piece. */
export function Highlight({ text, pattern }: { readonly text: string; readonly pattern: RegExp | null }) {
  if (!pattern) return <>{text}</>;
  const parts: (string | preact.JSX.Element)[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index ?? 0;
    if (start > last) parts.push(text.slice(last, start));
    parts.push(<mark>{match[0]}</mark>);
    last = start + match[0].length;
  }
  parts.push(text.slice(last));
  return <>{parts}</>;
}
