import type { Services } from "../services.js";

/** How one run of a scheduled job ended. */
export type JobOutcome =
  | { readonly status: "done"; readonly detail: string }
  | { readonly status: "skipped"; readonly detail: string }
  | { readonly status: "failed"; readonly detail: string };

/**
 * A scheduled job. `period` names the stretch of time a run covers (an arXiv announcement day, an hour):
 * each (job, period) runs once, whichever process gets there first. `run` must be idempotent, since a run
 * that failed or died is tried again for the same period.
 */
export interface Job {
  readonly name: string;
  /** In words, for the operator: when the job runs. */
  readonly when: string;
  /** The period due at `now`, or null when nothing is due. */
  period(now: Date): string | null;
  /** Does the work; the returned line is recorded as the run's detail. */
  run(services: Services, period: string, signal: AbortSignal): Promise<string>;
}
