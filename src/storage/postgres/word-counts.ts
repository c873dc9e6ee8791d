import { type Kysely, sql } from "kysely";
import type { Schema } from "../schema.js";

/**
 * How many papers hold each word or phrase, up to `cap`, read from the counts the keyword index keeps of itself
 * (`search_words`, migration 0204): a few key lookups, whatever the words. A phrase of several lexemes
 * ("hand-gesture" is 'hand-gestur', 'hand' and 'gestur') is given its rarest lexeme's count, an upper bound
 * that is close for the compounds people type; a phrase with no lexeme left (stop words only) matches nothing.
 */
export async function countEachPostgres(
  db: Kysely<Schema>,
  phrases: readonly string[],
  cap: number,
): Promise<Map<string, number>> {
  const result = await sql<{ phrase: string; n: string }>`select w.phrase,
      least(coalesce((select min(coalesce(sw.papers, 0))
        from unnest(tsvector_to_array(to_tsvector('english', w.phrase))) as l(word)
        left join search_words sw on sw.word = l.word), 0), ${cap}) as n
    from unnest(${[...phrases]}::text[]) as w(phrase)`.execute(db);
  return new Map(result.rows.map((row) => [row.phrase, Number(row.n)]));
}
