import type { Database } from "./database.js";
import { deadHolders } from "./run-holder.js";

export type JobStatus = "running" | "done" | "skipped" | "failed";

export interface ClaimRequest {
  readonly job: string;
  readonly period: string;
  /** Who claims (storage/run-holder.ts): the operator reads it, and later runs ask whether it still lives. */
  readonly owner: string;
  readonly now: Date;
  /** A `running` claim older than this is taken to belong to a dead process (when it cannot be known sooner). */
  readonly leaseMs: number;
  /** A `failed` run is tried again once this long has passed, up to `maxAttempts` in all. */
  readonly retryAfterMs: number;
  readonly maxAttempts: number;
}

/**
 * Claims (job, period) for this process. Exactly one of several processes asking at once gets it: a fresh
 * claim is an insert that the primary key makes exclusive; taking over a failed or abandoned one is a single
 * conditional update, which both SQLite and PostgreSQL apply to one winner.
 */
/** The holder of the (job, period) claim while it is running, to ask whether it still lives. */
async function runningHolder(database: Database, request: ClaimRequest): Promise<string[]> {
  const row = await database.kysely
    .selectFrom("job_runs")
    .select("claimed_by")
    .where("job", "=", request.job)
    .where("period", "=", request.period)
    .where("status", "=", "running")
    .executeTakeFirst();
  return row?.claimed_by ? [row.claimed_by] : [];
}

export async function claimJobRun(database: Database, request: ClaimRequest): Promise<boolean> {
  const now = request.now.toISOString();
  const inserted = await database.kysely
    .insertInto("job_runs")
    .values({
      job: request.job,
      period: request.period,
      status: "running",
      attempts: 1,
      claimed_by: request.owner,
      claimed_at: now,
    })
    .onConflict((oc) => oc.columns(["job", "period"]).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return true;
  const dead = [...(await deadHolders(database, await runningHolder(database, request)))];
  const abandoned = new Date(request.now.getTime() - request.leaseMs).toISOString();
  const retryable = new Date(request.now.getTime() - request.retryAfterMs).toISOString();
  const taken = await database.kysely
    .updateTable("job_runs")
    .set((eb) => ({
      status: "running",
      attempts: eb("attempts", "+", 1),
      claimed_by: request.owner,
      claimed_at: now,
      finished_at: null,
    }))
    .where("job", "=", request.job)
    .where("period", "=", request.period)
    .where("attempts", "<", request.maxAttempts)
    .where((eb) =>
      eb.or([
        eb.and([eb("status", "=", "running"), eb("claimed_at", "<", abandoned)]),
        ...(dead.length > 0 ? [eb.and([eb("status", "=", "running"), eb("claimed_by", "in", dead)])] : []),
        eb.and([eb("status", "=", "failed"), eb("finished_at", "<", retryable)]),
      ]),
    )
    .executeTakeFirst();
  return Number(taken.numUpdatedRows) > 0;
}

/** Records how a claimed run ended; only the claim's owner may finish it. */
export async function finishJobRun(
  database: Database,
  run: { job: string; period: string; owner: string },
  status: Exclude<JobStatus, "running">,
  detail: string,
  now: Date,
): Promise<void> {
  await database.kysely
    .updateTable("job_runs")
    .set({ status, detail: detail.slice(0, 2000), finished_at: now.toISOString() })
    .where("job", "=", run.job)
    .where("period", "=", run.period)
    .where("claimed_by", "=", run.owner)
    .execute();
}

export async function findJobRun(database: Database, job: string, period: string) {
  return database.kysely
    .selectFrom("job_runs")
    .selectAll()
    .where("job", "=", job)
    .where("period", "=", period)
    .executeTakeFirst();
}
