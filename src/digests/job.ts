import type { Config } from "../config.js";
import { CADENCES } from "../core/follows.js";
import { duePeriod } from "./periods.js";
import { type DigestDeps, sendDigests } from "./send.js";

export type JobResult = "done" | "skipped" | "failed";

/** What the scheduled digest run needs besides the sending: the hour it starts and how many digests at once. */
export interface DigestJobDeps extends Omit<DigestDeps, "baseUrl"> {
  readonly config: Pick<Config, "baseUrl" | "digestHour" | "digestConcurrency">;
}

/**
 * The scheduled digest run: from the configured hour on, sends the due digests of every cadence. Running it
 * again (every hour, after a restart) is harmless: the delivery ledger turns finished digests into no-ops.
 */
export async function runDigestJob(deps: DigestJobDeps): Promise<JobResult> {
  const now = deps.clock.now();
  if (now.getUTCHours() < deps.config.digestHour) return "skipped";
  let failed = 0;
  for (const cadence of CADENCES) {
    const report = await sendDigests(
      { ...deps, baseUrl: deps.config.baseUrl },
      { cadence, period: duePeriod(cadence, now), concurrency: deps.config.digestConcurrency },
    );
    failed += report.failed + (report.mailServerDown === undefined ? 0 : 1);
  }
  return failed > 0 ? "failed" : "done";
}
