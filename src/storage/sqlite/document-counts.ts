import { sql } from "kysely";
import { LRUCache } from "lru-cache";
import type { Database } from "../database.js";
import { fts5Phrase } from "./keyword-search.js";

/**
 * How many papers hold a phrase, counted once and kept for an hour: what BM25 weighs a phrase by. Counting a
 * common word reads its whole posting list (56 ms for "model" in 900,000 of 1,000,000 papers), which FTS5's
 * own bm25() did on every query; paperboy_bm25 (native/sqlite-rank.c) takes the kept count instead. A count
 * an hour old is off by the papers of an hour, which moves a weight by a fraction of a percent.
 */
const KEPT_MS = 60 * 60 * 1000;
const PHRASES_KEPT = 50_000;

// One memory per database object, so instances (and tests) never share counts.
const memories = new WeakMap<Database, LRUCache<string, number>>();

export async function documentCounts(database: Database, phrases: readonly string[]): Promise<number[]> {
  let memory = memories.get(database);
  if (!memory) {
    memory = new LRUCache({ max: PHRASES_KEPT, ttl: KEPT_MS });
    memories.set(database, memory);
  }
  const kept = memory;
  return Promise.all(
    phrases.map(async (phrase) => {
      // The tokenizer folds case, and so does the key.
      const key = phrase.toLowerCase();
      const known = kept.get(key);
      if (known !== undefined) return known;
      const { rows } = await sql<{ n: number }>`select count(*) as n from papers_fts
        where papers_fts match ${fts5Phrase(phrase)}`.execute(database.kysely);
      const count = Number(rows[0]?.n ?? 0);
      // A phrase no paper holds yet costs nothing to count again, and the next paper may bring it.
      if (count > 0) kept.set(key, count);
      return count;
    }),
  );
}
