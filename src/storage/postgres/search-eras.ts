import { sql } from "kysely";

/**
 * What the GIN index is built over (migration 0860): a paper's document with its era's lexeme, so that a search
 * can ask for words within the newest eras. Queries must spell it this way to be answered by the index.
 */
export const SEARCHED = sql`(s.document || paperboy_search_era(s.seq))`;
/** Papers per era: `seq >> 12` in paperboy_search_era. */
export const ERA_PAPERS = 4_096;
/** The newest era's number. */
export const NEWEST_ERA = sql`(select coalesce(max(seq), 0) >> 12 from paper_search)`;
