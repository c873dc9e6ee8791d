import type { FastifyInstance, FastifyRequest } from "fastify";
import { overloaded } from "../core/errors.js";

export interface SheddingLimits {
  /** Requests worked on at once (between arrival and answer) past which new ones are refused. */
  readonly inFlight: number;
  /** Event-loop delay (ms, smoothed) past which new work is refused: requests are queueing up unseen. */
  readonly loopDelayMs: number;
  /**
   * The loop's delay counts only while at least this many requests are worked on: with fewer, a late loop is
   * one slow request (a first render) or a machine busy with other work, not a server with more than it can do.
   */
  readonly crowd: number;
}

export const DEFAULT_SHEDDING: SheddingLimits = { inFlight: 64, loopDelayMs: 250, crowd: 16 };

const SAMPLE_MS = 20;
// Each sample weighs this much in the smoothed delay: about the last quarter of a second counts.
const SMOOTHING = 0.2;

/** The event loop's delay, measured by how late a repeating timer fires, smoothed over recent samples. */
function loopDelayMeter(): { delay(): number; stop(): void } {
  let expected = performance.now() + SAMPLE_MS;
  let smoothed = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    smoothed = smoothed * (1 - SMOOTHING) + Math.max(0, now - expected) * SMOOTHING;
    expected = now + SAMPLE_MS;
  }, SAMPLE_MS);
  timer.unref();
  return { delay: () => smoothed, stop: () => clearInterval(timer) };
}

/**
 * Load shedding: when the server is full (too many requests at once, or an event loop so busy that requests
 * wait unseen), a new request is answered at once with 503 and Retry-After instead of joining a queue whose
 * latency grows without bound. Registered after the page cache, so rendered pages keep being served; static
 * assets are never refused.
 */
export function registerLoadShedding(app: FastifyInstance, limits: SheddingLimits = DEFAULT_SHEDDING) {
  const meter = loopDelayMeter();
  const counted = new WeakSet<FastifyRequest>();
  let inFlight = 0;
  app.addHook("onRequest", async (request) => {
    if (request.url.startsWith("/assets/")) return;
    const late = inFlight >= limits.crowd && meter.delay() > limits.loopDelayMs;
    if (inFlight >= limits.inFlight || late) {
      throw overloaded("Paperboy is too busy to answer this right now. Try again in a moment.", 1);
    }
    inFlight += 1;
    counted.add(request);
  });
  const done = async (request: FastifyRequest) => {
    if (counted.delete(request)) inFlight -= 1;
  };
  app.addHook("onResponse", done);
  app.addHook("onRequestAbort", done);
  app.addHook("onClose", async () => meter.stop());
}
