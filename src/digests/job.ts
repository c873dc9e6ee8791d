import { CADENCES } from "../core/follows.js";
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
    failed += report.failed;
  }
  return failed > 0 ? "failed" : "done";
}
