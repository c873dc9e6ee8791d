import { runDigestJob } from "../digests/job.js";
import type { Job } from "./job.js";

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
