import { sql } from "kysely";

/** Entries in a run of the run index: `seq >> 15` (migration 0870). */
export const RUN_SIZE = 32_768;

/** The newest run's number: an entry's run is `seq >> 15`, 32,768 papers, in paperboy_run_words (migration 0870). */
export const NEWEST_RUN = sql`(select coalesce(max(seq), 0) >> 15 from paper_search)`;
/** What the run index is built over: the entry's words tagged with its run. Queries spell it so to use the index. */
export const RUN_WORDS = sql`paperboy_run_words(s.document, s.seq)`;
