import type BetterSqlite3 from "better-sqlite3";

/**
 * Hyphenated compounds in SQLite's keyword index. FTS5's tokenizer cuts "In-Context" into "in" and "context", so
 * the word was searched as a phrase, and a phrase of common words is the costliest thing FTS5 evaluates: it
 * walks every paper holding both and reads their positions ("in context": 87 ms at 3,000,000 papers, for the
 * 78,738 that hold it). So each compound is also indexed as one word, its parts joined ("incontext"), appended to
 * the column's text (after the last word, so phrases of the text itself are unchanged), and a hyphenated word of
 * a query is searched as that one word: a few thousand postings instead of millions. It also meets the papers
 * that write the compound closed up ("pretraining" for "pre-training", "GPT4" for "GPT-4"); it no longer meets
 * those that write its parts apart ("in context" for "in-context"), which the search by meaning still finds.
 */

/** Hyphens, the Unicode hyphens and the en dash ("Navier–Stokes"). */
const JOINERS = "-\u2010\u2011\u2012\u2013";
const JOINER = new RegExp(`[${JOINERS}]`, "gu");
const SPLIT = new RegExp(`[${JOINERS}]`, "u");
const PART = "[\\p{L}\\p{N}]+";
const WHOLE = new RegExp(`^${PART}(?:[${JOINERS}]${PART})+$`, "u");
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Parts of a run that are joined at most: "state-of-the-art" has four, longer runs are rare and mostly noise. */
const MOST_PARTS = 5;

/** Whether text[i] is a letter or digit: ASCII by its code, the rest by its Unicode class. */
function isPart(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER_OR_DIGIT.test(text.charAt(i));
}

const isJoiner = (text: string, i: number) => JOINERS.includes(text.charAt(i));

/**
 * The runs of letters and digits joined by hyphens in a text ("Vision-Language-Action"). Found from the hyphens
 * outward: a regular expression for whole runs, tried at every letter, made joinedCompounds take 11 us a title or
 * abstract of the shared corpus (a minute of the keyword index's build at 3,000,000 papers), against 3.4 now.
 */
function hyphenatedRuns(text: string): string[] {
  const runs: string[] = [];
  let end = 0;
  for (const hyphen of text.matchAll(JOINER)) {
    const at = hyphen.index;
    if (at < end || !isPart(text, at - 1) || !isPart(text, at + 1)) continue;
    let start = at - 1;
    while (start > 0 && isPart(text, start - 1)) start -= 1;
    end = at + 1;
    for (;;) {
      while (end < text.length && isPart(text, end)) end += 1;
      if (end + 1 < text.length && isJoiner(text, end) && isPart(text, end + 1)) end += 1;
      else break;
    }
    runs.push(text.slice(start, end));
  }
  return runs;
}

/**
 * The joined words a text's compounds add to its index entry: each run of two or more parts joined, and each
 * shorter run of two or more inside it ("vision-language-action" adds "visionlanguageaction", "visionlanguage"
 * and "languageaction"), so that a query's "Vision-Language" meets it. Space-separated; "" when none.
 */
export function joinedCompounds(text: string): string {
  const out = new Set<string>();
  for (const run of hyphenatedRuns(text)) {
    const parts = run.split(SPLIT).slice(0, MOST_PARTS);
    for (let start = 0; start < parts.length - 1; start += 1)
      for (let end = start + 2; end <= parts.length; end += 1) out.add(parts.slice(start, end).join(""));
  }
  return [...out].join(" ");
}

/** A column's text as indexed: the text, then its joined compounds. */
export function indexedText(text: string | null): string {
  if (!text) return text ?? "";
  const joined = joinedCompounds(text);
  return joined === "" ? text : `${text}\n${joined}`;
}

/**
 * The one word a query's hyphenated word is searched as ("In-Context" → "InContext"); null for other text, and
 * for runs longer than the index joins.
 */
export function joinedWord(text: string): string | null {
  const trimmed = text.trim();
  if (!WHOLE.test(trimmed)) return null;
  const parts = trimmed.split(SPLIT);
  return parts.length <= MOST_PARTS ? parts.join("") : null;
}

/** Makes paperboy_indexed_text(text) (indexedText) callable from a connection's SQL. */
export function registerCompounds(db: BetterSqlite3.Database): void {
  db.function("paperboy_indexed_text", { deterministic: true, varargs: false }, (text: unknown) =>
    indexedText(typeof text === "string" ? text : null),
  );
}
