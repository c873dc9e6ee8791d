import type { Database } from "../storage/database.js";
import { countMatchesUpTo } from "../storage/keyword-search.js";

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
  for (const word of words) {
    const known = memory.get(word);
    if (known && now - known.at < TTL_MS) {
      out.set(word, known.count);
      continue;
    }
    const count = await countMatchesUpTo(database, word, cap);
    // A word no paper has yet costs nothing to count again, and the next paper may bring it.
    if (count > 0) memory.set(word, { count, at: now });
    out.set(word, count);
  }
  return out;
}
