import { invalid } from "../../core/errors.js";
import type { Day } from "../../core/listing-day.js";

/** What the user asked to harvest; every part optional (no `from`: carry on after the last harvest). */
export interface HarvestRequest {
  readonly from?: Day;
  readonly until?: Day;
  readonly set?: string;
}

/** A harvest's checkpoint, saved as JSON in `ingest_cursors` with every committed page. */
export interface HarvestState {
  readonly set: string | null;
  readonly from: Day | null;
  readonly until: Day | null;
  /** Token for the next page; null before the first page and after the last. */
  readonly token: string | null;
  /** The newest datestamp among committed records: where a restart or the next harvest begins. */
  readonly lastDatestamp: Day | null;
  readonly pages: number;
  readonly records: number;
  readonly complete: boolean;
}

const SET = /^[a-z-]+(?::[a-z-]+(?::[A-Za-z-]+)?)?$/;

export function checkpointName(set: string | undefined): string {
  if (set !== undefined && !SET.test(set))
    throw invalid(`"${set}" is not an arXiv OAI set (e.g. cs, physics:hep-th)`);
  return `arxiv-oai:${set ?? "*"}`;
}

export function readState(json: string | null): HarvestState | null {
  return json === null ? null : (JSON.parse(json) as HarvestState);
}

/**
 * Where a harvest starts. An unfinished harvest of the same request resumes from its token; otherwise a new
 * one begins at the requested `from`, or, with none, at the last completed harvest's newest datestamp (OAI's
 * `from` is inclusive, so that day is read again; unchanged papers cost no write).
 */
export function startState(
  saved: HarvestState | null,
  request: HarvestRequest,
): { state: HarvestState; resumed: boolean } {
  if (saved && !saved.complete && sameRequest(saved, request)) return { state: saved, resumed: true };
  const from = request.from ?? (saved?.complete ? (saved.lastDatestamp ?? saved.from) : null);
  return {
    state: {
      set: request.set ?? null,
      from,
      until: request.until ?? null,
      token: null,
      lastDatestamp: null,
      pages: 0,
      records: 0,
      complete: false,
    },
    resumed: false,
  };
}

function sameRequest(saved: HarvestState, request: HarvestRequest): boolean {
  const fromMatches = request.from === undefined || request.from === saved.from;
  const untilMatches = request.until === undefined || request.until === saved.until;
  return fromMatches && untilMatches;
}

/**
 * After a badResumptionToken: ask for the whole list again, from the harvest's own `from`. arXiv does not
 * order a list by datestamp (one page of the recorded answer holds 2014-11-18, 2014-12-22, 2014-11-21), so
 * starting from the newest datestamp committed would skip the older records still to come. Records already
 * stored come again unchanged and cost no write.
 */
export function restartState(state: HarvestState): HarvestState {
  return { ...state, token: null };
}

export function laterDay(a: Day | null, b: Day | null): Day | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}
