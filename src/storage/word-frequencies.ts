import { sql } from "kysely";
import type { Database } from "./database.js";
import { countEachPostgres } from "./postgres/word-counts.js";
import { fts5Term } from "./sqlite/keyword-search.js";

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
 * remembered for an hour. The keyword search asks this before ranking "any of the words", and (with no cap)
 * for the document counts paperboy_bm25 weighs words by (native/sqlite-rank.c): counting a common word reads its
 * whole posting list (56 ms for "model" in 900,000 of 1,000,000 papers), which FTS5's own bm25() did on every
 * query. A count an hour old is off by the papers of an hour, which moves a weight by a fraction of a percent.
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

/**
 * How many papers hold a word or phrase, counted no further than `cap`: enough to tell a rare word from a
 * common one without reading a common word's whole posting list.
 */
export async function countMatchesUpTo(database: Database, phrase: string, cap: number): Promise<number> {
  return (await countEachUpTo(database, [phrase], cap)).get(phrase) ?? 0;
}

/**
 * countMatchesUpTo for several words or phrases at once. SQLite reads each count from FTS5's own index;
 * PostgreSQL reads the word counts its keyword index keeps (postgres/word-counts.ts).
 */
export async function countEachUpTo(
  database: Database,
  phrases: readonly string[],
  cap: number,
): Promise<Map<string, number>> {
  if (phrases.length === 0) return new Map();
  if (database.capabilities.fullText !== "fts5") return countEachPostgres(database.kysely, phrases, cap);
  const counts = new Map<string, number>();
  for (const phrase of phrases) {
    const result = await sql<{ n: number }>`select count(*) as n from (select 1 from papers_fts
        where papers_fts match ${fts5Term(phrase)} limit ${cap}) as hits`.execute(database.kysely);
    counts.set(phrase, Number(result.rows[0]?.n ?? 0));
  }
  return counts;
}

/**
 * About how many papers are keyword-indexed, without reading them all: on SQLite the highest search row (rows
 * are numbered as papers reach the index; a deleted paper leaves a gap), on PostgreSQL the planner's estimate
 * of the index table's rows, or a count where it has none yet.
 */
export async function countIndexed(database: Database): Promise<number> {
  if (database.native.kind === "sqlite") {
    const { rows } = await sql<{ n: number | null }>`select max(id) as n from search_rows`.execute(
      database.kysely,
    );
    return Number(rows[0]?.n ?? 0);
  }
  const { rows } = await sql<{ n: number }>`select reltuples as n from pg_class
    where oid = to_regclass('paper_search')`.execute(database.kysely);
  const estimate = Number(rows[0]?.n ?? -1);
  if (estimate >= 0) return estimate;
  const counted = await sql<{ n: string }>`select count(*) as n from paper_search`.execute(database.kysely);
  return Number(counted.rows[0]?.n ?? 0);
}
