import type { FastifyInstance, FastifyRequest } from "fastify";
import { type AppError, isAppError, overloaded } from "../core/errors.js";
import { WorkGate } from "../search/work-gate.js";
import { BusyAnswer } from "./busy-answer.js";

export interface SheddingLimits {
  /**
   * Requests worked on at once (between admission and answer). The others wait off the event loop, so a kept
   * page, answered before this gate, never waits behind more than these requests' work.
   */
  readonly running: number;
  /** Requests that may wait for a place; past it, new ones are refused at once. */
  readonly waiting: number;
  /** The longest a request waits for a place before it is refused. */
  readonly waitMs: number;
  /** Event-loop delay (ms, smoothed) past which new work is refused: requests are queueing up unseen. */
  readonly loopDelayMs: number;
  /**
   * The loop's delay counts only while at least this many requests are worked on: with fewer, a late loop is
   * one slow request (a first render) or a machine busy with other work, not a server with more than it can do.
   */
  readonly crowd: number;
  /**
   * Renders of kept pages worked on at once outside the gate. While the server is busy a kept page is answered
   * from a recent copy and rendered only when its copy is older than that (web/page-cache.ts), once at a time:
   * in the gate's line that render waited behind searches and was refused with them, and from then on every
   * request for the page was refused too.
   */
  readonly keptRenders: number;
}

export const DEFAULT_SHEDDING: SheddingLimits = {
  running: 4,
  waiting: 128,
  waitMs: 2_000,
  loopDelayMs: 250,
  crowd: 16,
  keptRenders: 2,
};

// Made once, like the gate's refusal (work-gate.ts).
const LATE = overloaded("Paperboy is too busy to answer this right now. Try again in a moment.", 1);

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
 * Load shedding: requests that need work (not a kept page, not an asset) pass a gate that lets a few be worked
 * on at once and keeps the rest waiting off the event loop; when its line is full or a request waited too long,
 * or the event loop runs so late that requests wait unseen, the request is answered at once with 503 and
 * Retry-After instead of joining a queue whose latency grows without bound. Registered after the page cache, so
 * kept pages are answered ahead of all of it; while `busy()`, the page cache answers a recent copy rather than
 * queue a render behind that work.
 */
export class LoadShedding {
  private readonly gate: WorkGate;
  private readonly meter = loopDelayMeter();
  private readonly leaving = new WeakMap<FastifyRequest, () => void>();
  private readonly answer = new BusyAnswer();
  private inFlight = 0;
  private keptRendering = 0;

  constructor(private readonly limits: SheddingLimits = DEFAULT_SHEDDING) {
    this.gate = new WorkGate(limits.running, limits.waiting, "requests", limits.waitMs);
  }

  /** New work would wait for a place or be refused. */
  busy(): boolean {
    return this.gate.full || this.late();
  }

  /** A kept page's render would get one of its own places now, not wait in the gate's line. */
  keptRenderFree(): boolean {
    return this.keptRendering < this.limits.keptRenders;
  }

  register(app: FastifyInstance) {
    app.addHook("onRequest", async (request, reply) => {
      if (request.url.startsWith("/assets/")) return;
      const refusal = await this.admit(request);
      if (refusal) return this.answer.send(request, reply, refusal);
    });
    const done = async (request: FastifyRequest) => this.leave(request);
    app.addHook("onResponse", done);
    app.addHook("onRequestAbort", done);
    app.addHook("onClose", async () => this.meter.stop());
  }

  private late(): boolean {
    return this.inFlight >= this.limits.crowd && this.meter.delay() > this.limits.loopDelayMs;
  }

  /** Takes a place for the request, or says why it is refused. */
  private async admit(request: FastifyRequest): Promise<AppError | null> {
    if (request.rendersKeptPage && this.keptRendering < this.limits.keptRenders)
      return this.admitKeptRender(request);
    if (this.late()) return LATE;
    this.inFlight += 1;
    try {
      this.leaving.set(request, await this.gate.enter());
    } catch (error) {
      this.inFlight -= 1;
      if (isAppError(error)) return error;
      throw error;
    }
    // The client gave up while this request waited: its abort has passed, so give the place back now.
    if (request.socket.destroyed) this.leave(request);
    return null;
  }

  /** A kept page's render takes one of the places of its own, beside the gate. */
  private admitKeptRender(request: FastifyRequest): null {
    this.keptRendering += 1;
    this.inFlight += 1;
    this.leaving.set(request, () => {
      this.keptRendering -= 1;
    });
    return null;
  }

  private leave(request: FastifyRequest) {
    const leave = this.leaving.get(request);
    if (!leave) return;
    this.leaving.delete(request);
    this.inFlight -= 1;
    leave();
  }
}
