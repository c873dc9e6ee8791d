import type { Database } from "../storage/database.js";
import { countEachUpTo, countIndexed } from "../storage/keyword-search.js";

/** Counts are remembered this long: a word's share of papers moves slowly as papers arrive. */
const TTL_MS = 60 * 60 * 1000;
/** Words remembered per database at most; past it the memory starts afresh. */
const MAX_WORDS = 50_000;

interface Counted {
  readonly count: number;
  readonly at: number;
  /** The cap it was counted up to: a count that reached it says only "at least", for that cap or lower. */
  readonly cap: number;
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
    if (known && now - known.at < TTL_MS && (known.count < known.cap || cap <= known.cap))
      out.set(word, Math.min(known.count, cap));
    else unknown.push(word);
  }
  const counted = await countEachUpTo(database, [...new Set(unknown)], cap);
  for (const [word, count] of counted) {
    // A word no paper has yet costs nothing to count again, and the next paper may bring it.
    if (count > 0) memory.set(word, { count, at: now, cap });
    out.set(word, count);
  }
  // In the order asked, as before.
  return new Map(words.map((word) => [word, out.get(word) ?? 0]));
}

const papersKept = new WeakMap<Database, Counted>();

/**
 * About how many papers the keyword index holds (storage/keyword-search.ts), remembered for an hour like the
 * word counts it is compared with.
 */
export async function indexedPapers(database: Database, now: number = Date.now()): Promise<number> {
  const known = papersKept.get(database);
  if (known && now - known.at < TTL_MS) return known.count;
  const count = await countIndexed(database);
  papersKept.set(database, { count, at: now, cap: Number.POSITIVE_INFINITY });
  return count;
}
