import type { Config } from "../../config.js";
import type { Clock } from "../../core/clock.js";
import { AppError, upstream } from "../../core/errors.js";
import { loadCheckpoint, saveCheckpoint } from "../../storage/checkpoints.js";
import type { Database } from "../../storage/database.js";
import { upsertPapers } from "../../storage/upsert-papers.js";
import { addCounts, emptyCounts, type UpsertCounts } from "../../storage/upsert-types.js";
import type { ExternalSources } from "../http/sources.js";
import {
  checkpointName,
  type HarvestRequest,
  type HarvestState,
  laterDay,
  readState,
  restartState,
  startState,
} from "./harvest-state.js";
import { type OaiPage, parseOaiResponse } from "./oai-response.js";

export const OAI_PMH = "arXiv OAI-PMH";
export type { HarvestRequest } from "./harvest-state.js";

export interface HarvestReport extends UpsertCounts {
  readonly pages: number;
  readonly records: number;
  readonly resumed: boolean;
  readonly restarts: number;
  /** Records skipped because they could not be read (each reported through onProblem). */
  readonly rejected: number;
}

/** What a harvest uses: arXiv's polite client and OAI-PMH address, the database and the clock. */
export interface HarvestDeps {
  readonly database: Database;
  readonly clock: Clock;
  readonly sources: Pick<ExternalSources, "arxiv">;
  readonly config: Pick<Config, "arxivOaiUrl">;
}

export interface HarvestOptions {
  readonly signal?: AbortSignal;
  readonly onPage?: (state: HarvestState, completeListSize: number | null) => void;
  /** A record that could not be read, and was skipped: where it is and why. */
  readonly onProblem?: (message: string) => void;
}

// A server that keeps rejecting fresh tokens is broken, not busy: stop rather than loop.
const MAX_RESTARTS = 3;

/**
 * Harvests arXiv's OAI-PMH ListRecords (metadataPrefix=arXivRaw). Each page's papers and the checkpoint that
 * follows them commit in one transaction, so a harvest killed at any point resumes at the first page not
 * committed: no paper lost, none written twice.
 */
export async function harvestArxiv(
  services: HarvestDeps,
  request: HarvestRequest,
  options: HarvestOptions = {},
): Promise<HarvestReport> {
  const name = checkpointName(request.set);
  const start = startState(readState(await loadCheckpoint(services.database, name)), request);
  let state = start.state;
  const counts = emptyCounts();
  let restarts = 0;
  let rejected = 0;
  // A server that hands out a token it gave before would keep this loop asking forever.
  const tokens = new Set<string>();
  while (!state.complete) {
    options.signal?.throwIfAborted();
    const page = await fetchPage(services, state, options.signal);
    if (page.resumptionToken !== null && tokens.has(page.resumptionToken)) {
      throw upstream(
        `${OAI_PMH}: the server sent resumption token "${page.resumptionToken}" a second time; stopping rather than asking for the same pages forever`,
      );
    }
    if (page.resumptionToken !== null) tokens.add(page.resumptionToken);
    if (page.error) {
      if (page.error.code === "badResumptionToken") restarts += 1;
      state = afterError(page, state, restarts);
      // A restarted list hands out its tokens afresh.
      tokens.clear();
      await saveCheckpoint(
        services.database,
        name,
        JSON.stringify(state),
        services.clock.now().toISOString(),
      );
      continue;
    }
    state = await commitPage(services, name, state, page, counts);
    rejected += page.rejected.length;
    for (const problem of page.rejected) options.onProblem?.(problem);
    options.onPage?.(state, page.completeListSize);
  }
  const { pages, records } = state;
  return { ...counts, pages, records, resumed: start.resumed, restarts, rejected };
}

async function commitPage(
  services: HarvestDeps,
  name: string,
  state: HarvestState,
  page: OaiPage,
  counts: UpsertCounts,
): Promise<HarvestState> {
  const next: HarvestState = {
    ...state,
    token: page.resumptionToken,
    lastDatestamp: laterDay(state.lastDatestamp, page.lastDatestamp),
    pages: state.pages + 1,
    records: state.records + page.records.length,
    complete: page.resumptionToken === null,
  };
  const written = await upsertPapers(
    services.database,
    page.records.map((record) => ({ record, featureOn: null })),
    {
      submitterId: null,
      source: "arxiv",
      now: services.clock.now().toISOString(),
      checkpoint: { name, state: JSON.stringify(next) },
    },
  );
  addCounts(counts, written);
  return next;
}

/** OAI errors mean what the protocol says: noRecordsMatch is an empty list, a bad token restarts, others fail. */
function afterError(page: OaiPage, state: HarvestState, restarts: number): HarvestState {
  const error = page.error ?? { code: "unknown", message: "" };
  if (error.code === "noRecordsMatch" && state.token === null) return { ...state, complete: true };
  if (error.code === "badResumptionToken" && state.token !== null && restarts <= MAX_RESTARTS) {
    return restartState(state);
  }
  throw upstream(`${OAI_PMH}: ${error.code}: ${error.message || "(no message)"}`);
}

async function fetchPage(services: HarvestDeps, state: HarvestState, signal?: AbortSignal): Promise<OaiPage> {
  const url = new URL(services.config.arxivOaiUrl);
  url.searchParams.set("verb", "ListRecords");
  if (state.token !== null) url.searchParams.set("resumptionToken", state.token);
  else {
    url.searchParams.set("metadataPrefix", "arXivRaw");
    if (state.from) url.searchParams.set("from", state.from);
    if (state.until) url.searchParams.set("until", state.until);
    if (state.set) url.searchParams.set("set", state.set);
  }
  const response = await services.sources.arxiv.get(url.toString(), {
    source: OAI_PMH,
    accept: "text/xml",
    ...(signal ? { signal } : {}),
  });
  try {
    return parseOaiResponse(response.body.toString("utf8"), OAI_PMH);
  } catch (error) {
    if (error instanceof AppError) throw upstream(`${error.message} (${url})`);
    throw error;
  }
}
