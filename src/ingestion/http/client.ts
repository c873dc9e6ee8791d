import { setTimeout as sleep } from "node:timers/promises";
import { upstream } from "../../core/errors.js";
import { backoffDelay, type RetryPolicy, retryAfterMs } from "./retry-policy.js";
import { type Agents, createAgents, type HttpResponse, NetworkError, send } from "./send.js";

export type { HttpResponse } from "./send.js";

export interface HttpClientOptions {
  readonly userAgent: string;
  readonly policy: RetryPolicy;
  readonly random?: () => number;
  readonly now?: () => Date;
}

export interface GetOptions {
  /** Names the source in errors: "arXiv OAI-PMH", "arXiv export API", "Hugging Face". */
  readonly source: string;
  readonly accept?: string;
  readonly signal?: AbortSignal;
}

const MAX_REDIRECTS = 5;
const RETRYABLE_STATUS = (status: number) => status === 429 || status >= 500;

/** What one attempt left us with: a response to return, or a reason to wait and try again. */
type Attempt = { readonly response: HttpResponse } | { readonly retry: string; readonly waitMs: number };

/**
 * The one way Paperboy talks to an external source: requests go one at a time over one connection, each at
 * least the policy's minimum interval after the previous one finished; 503/429 wait for Retry-After, network errors and 5xx back off exponentially
 * with jitter, a bounded number of times. Every failure is an `upstream` error naming the source and the URL.
 */
export class HttpClient {
  private readonly agents: Agents = createAgents();
  private readonly random: () => number;
  private readonly now: () => Date;
  private queue: Promise<unknown> = Promise.resolve();
  private lastFinished = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: HttpClientOptions) {
    this.random = options.random ?? Math.random;
    this.now = options.now ?? (() => new Date());
  }

  get policy(): RetryPolicy {
    return this.options.policy;
  }

  /** GETs a URL and answers its 2xx response; any other outcome, after the allowed retries, throws. */
  get(url: string, options: GetOptions): Promise<HttpResponse> {
    const { signal } = options;
    const result = this.queue.then(() => {
      signal?.throwIfAborted();
      return this.withRetries(new URL(url), options);
    });
    this.queue = result.catch(() => undefined);
    // A caller with a deadline (a person waiting on a form) gives up while still queued behind a harvest too.
    return signal ? abandonedOnAbort(result, signal) : result;
  }

  close(): void {
    this.agents["http:"].destroy();
    this.agents["https:"].destroy();
  }

  private async withRetries(url: URL, options: GetOptions): Promise<HttpResponse> {
    const { maxRetries } = this.options.policy;
    for (let attempt = 0; ; attempt += 1) {
      const outcome = await this.attempt(url, options, attempt);
      if ("response" in outcome) return outcome.response;
      if (attempt >= maxRetries) {
        throw upstream(`${options.source}: ${outcome.retry} after ${attempt + 1} attempts (${url})`);
      }
      await sleep(outcome.waitMs, undefined, { signal: options.signal });
    }
  }

  private async attempt(url: URL, options: GetOptions, attempt: number): Promise<Attempt> {
    let target = url;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
      const response = await this.paced(target, options);
      if (response instanceof NetworkError) return this.backoff(response.message, attempt);
      const location = response.headers.location;
      if (response.status >= 300 && response.status < 400 && location) {
        target = new URL(location, target);
        continue;
      }
      return this.judge(response, options, attempt);
    }
    throw upstream(`${options.source}: more than ${MAX_REDIRECTS} redirects (${url})`);
  }

  private judge(response: HttpResponse, options: GetOptions, attempt: number): Attempt {
    const { status } = response;
    if (status >= 200 && status < 300) return { response };
    if (!RETRYABLE_STATUS(status)) {
      throw upstream(`${options.source}: HTTP ${status}${snippet(response.body)} (${response.url})`);
    }
    const header = response.headers["retry-after"];
    const waitMs = retryAfterMs(header, this.options.policy, this.now());
    if (waitMs !== null) return { retry: `HTTP ${status}`, waitMs };
    return this.backoff(`HTTP ${status}`, attempt);
  }

  private backoff(reason: string, attempt: number): Attempt {
    return { retry: reason, waitMs: backoffDelay(this.options.policy, attempt, this.random) };
  }

  private async paced(url: URL, options: GetOptions): Promise<HttpResponse | NetworkError> {
    // The pause runs from the end of the previous exchange, so a slow answer never shortens the gap the
    // source sees between two requests.
    const wait = this.lastFinished + this.options.policy.minIntervalMs - performance.now();
    if (wait > 0) await sleep(wait, undefined, { signal: options.signal });
    const headers = { "user-agent": this.options.userAgent, "accept-encoding": "gzip" };
    try {
      return await send(url, this.agents, {
        headers: options.accept ? { ...headers, accept: options.accept } : headers,
        timeoutMs: this.options.policy.timeoutMs,
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (error) {
      if (error instanceof NetworkError) return error;
      throw error;
    } finally {
      this.lastFinished = performance.now();
    }
  }
}

/** The start of an error body, on one line, so the message says what the server said. */
function snippet(body: Buffer): string {
  const text = body
    .subarray(0, 400)
    .toString("utf8")
    .replace(/<[^>]*>/g, " ");
  const line = text.replace(/\s+/g, " ").trim().slice(0, 160);
  return line === "" ? "" : `: ${line}`;
}

function abandonedOnAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const abort = () => reject(signal.reason);
    signal.addEventListener("abort", abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", abort));
  });
}
