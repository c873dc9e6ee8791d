import type { Clock } from "../core/clock.js";
import { isMailServerDown } from "../mail/mailer.js";
import type { Database } from "../storage/database.js";
import { type DeliveryKey, recordAttempt, settleDelivery } from "../storage/deliveries.js";

/** How hard one digest is tried: a few quick attempts in a run, then later runs, up to a bound. */
export interface RetryPolicy {
  /** Attempts within one run before the digest is left for a later run. */
  readonly attemptsPerRun: number;
  /** Attempts over all runs; then the digest is marked failed for good. */
  readonly maxAttempts: number;
  /** First pause between attempts in a run; each further pause is four times longer. */
  readonly baseDelayMs: number;
  /** How long a later run waits before trying again. */
  readonly retryLaterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attemptsPerRun: 3,
  maxAttempts: 8,
  baseDelayMs: 2_000,
  retryLaterMs: 60 * 60_000,
};

interface RetryDeps {
  readonly database: Database;
  readonly clock: Clock;
  readonly sleep?: (ms: number) => Promise<void>;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` (hand the message to SMTP) until it succeeds or the policy gives up, keeping the ledger row
 * claimed while it waits. `attempts` is the count the claim already holds, this attempt included.
 */
export async function deliverWithRetries(
  deps: RetryDeps,
  key: DeliveryKey,
  attempts: number,
  policy: RetryPolicy,
  attempt: () => Promise<string>,
): Promise<
  | { status: "sent"; messageId: string }
  | { status: "retry" | "failed" }
  | { status: "server-down"; error: string }
> {
  let total = attempts;
  for (let inRun = 1; ; inRun += 1) {
    try {
      return { status: "sent", messageId: await attempt() };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // Not this digest's fault: it never counts towards giving up. After the run's last try the attempts of
      // this run are given back, and the digest is due again at once, for whichever run finds the server up.
      const serverDown = isMailServerDown(error);
      if (serverDown && inRun >= policy.attemptsPerRun) {
        await settleDelivery(deps.database, key, {
          status: "retry",
          error: message,
          nextAttemptAt: deps.clock.now().toISOString(),
          attempts: attempts - 1,
        });
        return { status: "server-down", error: message };
      }
      if (!serverDown && total >= policy.maxAttempts) {
        await settleDelivery(deps.database, key, { status: "failed", error: message });
        return { status: "failed" };
      }
      if (!serverDown && inRun >= policy.attemptsPerRun) {
        const nextAttemptAt = new Date(deps.clock.now().getTime() + policy.retryLaterMs).toISOString();
        await settleDelivery(deps.database, key, { status: "retry", error: message, nextAttemptAt });
        return { status: "retry" };
      }
      await (deps.sleep ?? pause)(policy.baseDelayMs * 4 ** (inRun - 1));
      total = await recordAttempt(deps.database, key, deps.clock.now().toISOString());
    }
  }
}
