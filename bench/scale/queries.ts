import { isStopword } from "../../src/search/stopwords.js";
import { Dice } from "../corpus/dice.js";
import { readListing } from "../corpus/source-papers.js";
import { sharedListingFiles } from "../shared-data.js";

/** The query texts every search measurement uses: real titles and real short phrases. */
export interface BenchQueries {
  readonly titles: readonly string[];
  readonly phrases: readonly string[];
}

const EACH = 200;
const WORD = /^[\p{L}][\p{L}-]*$/u;

/** A run of 2-4 words of a real title, all plain words, neither end a stop word; null when it has none. */
function phraseOf(dice: Dice, title: string): string | null {
  const words = title.split(/\s+/);
  for (let draw = 0; draw < 10; draw += 1) {
    const length = dice.int(2, 4);
    const start = dice.int(0, Math.max(0, words.length - length));
    const run = words.slice(start, start + length);
    const ends = [run[0] ?? "", run.at(-1) ?? ""];
    if (run.length === length && run.every((w) => WORD.test(w)) && !ends.some(isStopword))
      return run.join(" ");
  }
  return null;
}

/**
 * 200 titles of real papers (every n-th of the shared corpus) and 200 phrases of 2-4 words cut from other real
 * titles, the same on every run; null when the shared data is missing.
 */
export async function benchQueries(): Promise<BenchQueries | null> {
  const files = sharedListingFiles();
  if (!files) return null;
  const titles: string[] = [];
  for await (const { record } of readListing(files)) titles.push(record.title);
  const step = Math.floor(titles.length / EACH);
  const dice = new Dice(2026);
  const phrases: string[] = [];
  for (let i = 0; phrases.length < EACH && i < titles.length; i += 1) {
    const phrase = phraseOf(dice, titles[(i * 7919) % titles.length] ?? "");
    if (phrase) phrases.push(phrase);
  }
  return { titles: Array.from({ length: EACH }, (_, i) => titles[i * step] ?? ""), phrases };
}
