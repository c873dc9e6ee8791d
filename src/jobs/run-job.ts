import type { Services } from "../services.js";
import { claimJobRun, finishJobRun } from "../storage/job-runs.js";
import { runHolder } from "../storage/run-holder.js";
import type { Job, JobOutcome } from "./job.js";

export interface RunPolicy {
  /** A running claim older than this belongs to a dead process and may be taken over. */
  readonly leaseMs: number;
  readonly retryAfterMs: number;
  readonly maxAttempts: number;
}

export const DEFAULT_RUN_POLICY: RunPolicy = Object.freeze({
  // A full OAI-PMH backfill can take hours; an incremental harvest takes minutes.
  leaseMs: 6 * 3600_000,
  retryAfterMs: 15 * 60_000,
  maxAttempts: 5,
});

/**
 * Runs `job` for `period` unless another process has it or it already ran: claim, work, record the outcome.
 * A failure is recorded (and tried again later under the policy), never thrown: a scheduler keeps ticking.
 */
export async function runJob(
  services: Services,
  job: Job,
  period: string,
  options: { signal?: AbortSignal; policy?: RunPolicy; owner?: string } = {},
): Promise<JobOutcome> {
  const policy = options.policy ?? DEFAULT_RUN_POLICY;
  const owner = options.owner ?? (await runHolder(services.database));
  const claimed = await claimJobRun(services.database, {
    job: job.name,
    period,
    owner,
    now: services.clock.now(),
    ...policy,
  });
  if (!claimed)
    return { status: "skipped", detail: `${job.name} ${period}: already done or running elsewhere` };
  const run = { job: job.name, period, owner };
  try {
    const detail = await job.run(services, period, options.signal ?? new AbortController().signal);
    await finishJobRun(services.database, run, "done", detail, services.clock.now());
    return { status: "done", detail };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    await finishJobRun(services.database, run, "failed", detail, services.clock.now());
    return { status: "failed", detail };
  }
}
