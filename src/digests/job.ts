import { CADENCES } from "../core/follows.js";
import type { Job } from "../jobs/job.js";
import type { Services } from "../services.js";
import { duePeriod } from "./periods.js";
import { sendDigests } from "./send.js";

export type JobResult = "done" | "skipped" | "failed";

/**
 * The scheduled digest job: from the configured hour on, sends the due digests of every cadence. Running it
 * again (every hour, after a restart) is harmless: the delivery ledger turns finished digests into no-ops.
 */
export async function runDigestJob(services: Services): Promise<JobResult> {
  const now = services.clock.now();
  if (now.getUTCHours() < services.config.digestHour) return "skipped";
  let failed = 0;
  for (const cadence of CADENCES) {
    const report = await sendDigests(
      { ...services, baseUrl: services.config.baseUrl },
      { cadence, period: duePeriod(cadence, now), concurrency: services.config.digestConcurrency },
    );
    failed += report.failed + (report.mailServerDown === undefined ? 0 : 1);
  }
  return failed > 0 ? "failed" : "done";
}

/**
 * The digest job in the schedule table: due every hour (so retries and late subscribers are picked up), and
 * doing nothing before the configured hour.
 */
export const digestJob: Job = {
  name: "digests",
  when: "every hour from DIGEST_HOUR (UTC) on: due daily and weekly digests",
  period: (now) => now.toISOString().slice(0, 13),
  async run(services) {
    const result = await runDigestJob(services);
    if (result === "failed") throw new Error("some digests could not be sent; the next run retries them");
    return result === "skipped" ? "before the digest hour" : "due digests sent";
  },
};
