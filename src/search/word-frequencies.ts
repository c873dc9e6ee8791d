import type { Database } from "../storage/database.js";
import { countEachUpTo } from "../storage/keyword-search.js";

/** Counts are remembered this long: a word's share of papers moves slowly as papers arrive. */
const TTL_MS = 60 * 60 * 1000;
/** Words remembered per database at most; past it the memory starts afresh. */
const MAX_WORDS = 50_000;

interface Counted {
  readonly count: number;
  readonly at: number;
}

// One memory per database object, so instances (and tests) never share counts.
const memories = new WeakMap<Database, Map<string, Counted>>();

/**
 * How many papers hold each word, counted up to `cap` (a word past it is common, whatever its exact count) and
 * remembered for an hour. The keyword search asks this before ranking "any of the words".
 */
export async function wordFrequencies(
  database: Database,
  words: readonly string[],
  cap: number,
  now: number = Date.now(),
): Promise<Map<string, number>> {
  let memory = memories.get(database);
  if (!memory || memory.size > MAX_WORDS) {
    memory = new Map();
    memories.set(database, memory);
  }
  const out = new Map<string, number>();
  const unknown: string[] = [];
  for (const word of words) {
    const known = memory.get(word);
    if (known && now - known.at < TTL_MS) out.set(word, known.count);
    else unknown.push(word);
  }
  const counted = await countEachUpTo(database, [...new Set(unknown)], cap);
  for (const [word, count] of counted) {
    // A word no paper has yet costs nothing to count again, and the next paper may bring it.
    if (count > 0) memory.set(word, { count, at: now });
    out.set(word, count);
  }
  // In the order asked, as before.
  return new Map(words.map((word) => [word, out.get(word) ?? 0]));
}
