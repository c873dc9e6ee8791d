import type { Database } from "./database.js";
import { type KeywordRequest, type KeywordResult, RANK_NEWEST } from "./keyword-types.js";
import { keywordSearchPostgres, type MatchPlan } from "./postgres/keyword-search.js";
import { RUN_SIZE } from "./postgres/search-runs.js";
import { fts5Phrases, keywordSearchSqlite } from "./sqlite/keyword-search.js";
import { indexedPapers, wordFrequencies } from "./word-frequencies.js";

/** BM25-ranked keyword search (FTS5 on SQLite, weighted tsvector on PostgreSQL) with filters and paging. */
export async function keywordSearch(database: Database, request: KeywordRequest): Promise<KeywordResult> {
  const native = database.native;
  if (native.kind !== "sqlite")
    return keywordSearchPostgres(database.kysely, request, await matchPlan(database, request));
  const phrases = request.match ? fts5Phrases(request.match) : [];
  const ranked = native.rankWithCounts && phrases.length > 0;
  // Excluded phrases hold no hit in a matching paper: their counts weigh nothing, so none is taken.
  const positive = request.match ? phrases.length - request.match.none.length : 0;
  const counts = ranked
    ? [
        ...(await documentCounts(database, phrases.slice(0, positive))),
        ...phrases.slice(positive).map(() => 0),
      ]
    : null;
  return keywordSearchSqlite(database.kysely, request, counts);
}

/**
 * Papers whose title equals this text, ignoring case: the exact-title match that ranks first. Both sides are
 * lowered by the database: SQLite's lower() folds ASCII letters only, so a title with "Ω" lowered in
 * JavaScript never met its own row.
 */
export async function papersTitled(database: Database, title: string): Promise<string[]> {
  if (title.trim() === "") return [];
  const rows = await database.kysely
    .selectFrom("papers")
    .select("id")
    .where((eb) => eb(eb.fn("lower", ["title"]), "=", eb.fn("lower", [eb.val(title.trim())])))
    .limit(5)
    .execute();
  return rows.map((row) => row.id);
}

/**
 * How PostgreSQL should find a strict match's newest matches (postgres/keyword-search.ts): every match through
 * the document index when the words' kept counts say that a tenth of the bound hold them all (as if the words
 * were independent), else run by run from the newest. Words that go together defeat the estimate: "Remote
 * Sensing Foundation" is in 28,148 papers of 3,000,000 where independence says fewer than 2,000, and finding
 * them all took 45-180 ms, where the runs stop at 2,000; a match too rare for the bound costs the runs a lookup
 * each (92 at 3,000,000). Cut at the bound itself, keyword p50/p99 over the bench's 400 queries were 16.9/75.6
 * ms; at a tenth of it 16.5/44.2; with the runs always 17.5/48.6.
 *
 * Run by run, the matches are ranked as they are found (`sparse runs`) when the same estimate spread over the
 * runs leaves a run no more matches than the bound: the last run reached is then ranked whole at little cost.
 */
async function matchPlan(database: Database, request: KeywordRequest): Promise<MatchPlan> {
  const match = request.match;
  if (!match || match.any || match.all.length === 0) return "all";
  // Hybrid search asks about the few papers found by meaning: PostgreSQL reads those, where the runs would read
  // every match of every run ("Across Modalities" for 20 papers: 541 ms run by run).
  if (request.within) return "all";
  const papers = Math.max(1, await indexedPapers(database));
  const folded = match.all.map((group) => group.map((phrase) => phrase.toLowerCase()));
  const counts = await wordFrequencies(database, folded.flat(), papers + 1);
  // A group of alternatives is held by at most the sum of its phrases' papers.
  const shares = folded.map((group) =>
    Math.min(1, group.reduce((sum, phrase) => sum + (counts.get(phrase) ?? 0), 0) / papers),
  );
  const expected = shares.reduce((product, share) => product * share, papers);
  const bound = request.rankNewest ?? RANK_NEWEST;
  if (expected <= bound / 10) return "all";
  return expected / runsOf(papers) <= bound ? "sparse runs" : "runs";
}

/**
 * About how many runs of the run index `papers` entries fill (postgres/search-runs.ts): fewer than there are
 * when numbers were skipped, which errs towards the `runs` plan.
 */
function runsOf(papers: number): number {
  return Math.ceil(papers / RUN_SIZE);
}

/** How many papers hold each phrase, exactly (kept for an hour: word-frequencies.ts), in the order given. */
async function documentCounts(database: Database, phrases: readonly string[]): Promise<number[]> {
  const folded = phrases.map((phrase) => phrase.toLowerCase());
  const counts = await wordFrequencies(database, folded, Number.MAX_SAFE_INTEGER);
  return folded.map((phrase) => counts.get(phrase) ?? 0);
}
