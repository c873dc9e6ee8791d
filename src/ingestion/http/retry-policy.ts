/** How a polite client spaces, retries and gives up on requests to one external source. */
export interface RetryPolicy {
  /** Least time between the start of one request and the start of the next (arXiv asks for 3 s). */
  readonly minIntervalMs: number;
  /** Retries after the first attempt before giving up (network errors, 5xx, 429). */
  readonly maxRetries: number;
  /** First backoff delay; doubled on every further retry, with full jitter. */
  readonly baseBackoffMs: number;
  /** Ceiling for one backoff delay and for an honoured Retry-After. */
  readonly maxBackoffMs: number;
  /** A request with no byte received for this long counts as a network error. */
  readonly timeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  minIntervalMs: 3000,
  maxRetries: 4,
  baseBackoffMs: 2000,
  // arXiv's OAI server answers 503 with Retry-After of a few seconds to a few minutes.
  maxBackoffMs: 300_000,
  timeoutMs: 120_000,
});

/** Exponential backoff with full jitter (AWS architecture blog): uniform in [0, min(max, base * 2^attempt)]. */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: () => number): number {
  const ceiling = Math.min(policy.maxBackoffMs, policy.baseBackoffMs * 2 ** attempt);
  return Math.round(random() * ceiling);
}

/**
 * Reads a Retry-After header: delay-seconds or an HTTP date. Answers null when absent or unreadable, and never
 * more than the policy's ceiling so a hostile header cannot park the harvest for days.
 */
export function retryAfterMs(header: string | undefined, policy: RetryPolicy, now: Date): number | null {
  if (header === undefined || header.trim() === "") return null;
  const text = header.trim();
  const seconds = /^\d+$/.test(text) ? Number(text) * 1000 : Date.parse(text) - now.getTime();
  if (Number.isNaN(seconds)) return null;
  return Math.min(Math.max(0, seconds), policy.maxBackoffMs);
}
