import type { Migration } from "./migration.js";

export const jobRuns: Migration = {
  name: "0101-job-runs",
  async up(db) {
    // One row per (job, period): the claim that lets exactly one process run a scheduled job for a period, and
    // the record of how it ended. Inserting the row is the lock; the primary key makes it exclusive on every
    // backend, and a process that died holding it loses it when its lease runs out.
    await db.schema
      .createTable("job_runs")
      .addColumn("job", "text", (c) => c.notNull())
      .addColumn("period", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("attempts", "integer", (c) => c.notNull())
      .addColumn("claimed_by", "text", (c) => c.notNull())
      .addColumn("claimed_at", "text", (c) => c.notNull())
      .addColumn("finished_at", "text")
      .addColumn("detail", "text")
      .addPrimaryKeyConstraint("job_runs_pk", ["job", "period"])
      .execute();
  },
};
