import { AppError } from "../core/errors.js";
import { ID_BATCH_SIZE } from "../ingestion/arxiv/export-api.js";

/**
 * How long an import waits for arXiv's export API in all. A person is waiting on the form; papers not fetched
 * by then are reported, and importing the same file again adds them without duplicating the rest.
 */
export const IMPORT_FETCH_SECONDS = 20;

/** Fetches papers by id from arXiv and stores them; answers the ids arXiv has no paper for. */
export type FetchPapers = (
  ids: readonly string[],
  signal: AbortSignal,
) => Promise<{ readonly missing: readonly string[] }>;

export interface FetchOutcome {
  readonly fetched: Set<string>;
  /** Why each paper that could not be had is missing, by id. */
  readonly failed: Map<string, string>;
}

/**
 * Fetches unknown papers in export-API batches, so one failing batch loses only its own papers. Once arXiv
 * fails or time runs out, the batches left are reported without asking again.
 */
export async function fetchUnknownPapers(
  fetchPapers: FetchPapers,
  ids: readonly string[],
): Promise<FetchOutcome> {
  const outcome: FetchOutcome = { fetched: new Set(), failed: new Map() };
  const deadline = AbortSignal.timeout(IMPORT_FETCH_SECONDS * 1000);
  let unreachable: string | null = null;
  for (let start = 0; start < ids.length; start += ID_BATCH_SIZE) {
    const batch = ids.slice(start, start + ID_BATCH_SIZE);
    if (!unreachable) unreachable = await fetchBatch(fetchPapers, batch, deadline, outcome);
    if (unreachable)
      for (const id of batch) outcome.failed.set(id, `${unreachable} ${id}; import again later to add it`);
  }
  return outcome;
}

/** Fetches one batch into the outcome; answers why arXiv could not be reached, or null. */
async function fetchBatch(
  fetchPapers: FetchPapers,
  batch: readonly string[],
  deadline: AbortSignal,
  outcome: FetchOutcome,
): Promise<string | null> {
  try {
    const missing = new Set((await fetchPapers(batch, deadline)).missing);
    for (const id of batch) {
      if (missing.has(id)) outcome.failed.set(id, `arXiv has no paper ${id}`);
      else outcome.fetched.add(id);
    }
    return null;
  } catch (error) {
    if (deadline.aborted) return `arXiv did not answer within ${IMPORT_FETCH_SECONDS} seconds for`;
    if (error instanceof AppError && error.code === "upstream") return "arXiv could not be reached for";
    throw error;
  }
}
