import { type AppError, overloaded } from "../core/errors.js";

interface Waiter {
  readonly admit: () => void;
  readonly timer: NodeJS.Timeout | null;
}

/**
 * At most `running` pieces of work at once and `waiting` more in line, each for at most `waitMs`; past that,
 * work is refused at once (503 with Retry-After) instead of joining a queue whose wait would grow without bound.
 */
export class WorkGate {
  private active = 0;
  private readonly line: Waiter[] = [];
  /**
   * Made once: a server that sheds refuses hundreds of requests a second, and making an error (with its stack)
   * for each took 2% of the event loop's time under the load bench.
   */
  private readonly refusal: AppError;

  constructor(
    readonly running: number,
    readonly waiting: number,
    what: string,
    private readonly waitMs = Number.POSITIVE_INFINITY,
  ) {
    this.refusal = overloaded(`Paperboy is answering as many ${what} as it can. Try again in a moment.`, 2);
  }

  /** Whether new work would have to wait (every place is taken). */
  get full(): boolean {
    return this.active >= this.running;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const leave = await this.enter();
    try {
      return await work();
    } finally {
      leave();
    }
  }

  /** Takes a place, waiting in line for one if need be; the function returned gives it back (once). */
  async enter(): Promise<() => void> {
    if (this.active < this.running) this.active += 1;
    else if (this.line.length < this.waiting) await this.wait();
    else throw this.refusal;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.pass();
    };
  }

  private wait(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = Number.isFinite(this.waitMs)
        ? setTimeout(() => {
            this.line.splice(this.line.indexOf(waiter), 1);
            reject(this.refusal);
          }, this.waitMs)
        : null;
      const waiter: Waiter = { admit: resolve, timer };
      this.line.push(waiter);
    });
  }

  /** The place passes straight to the next in line, or is given back. */
  private pass() {
    const next = this.line.shift();
    if (!next) {
      this.active -= 1;
      return;
    }
    if (next.timer) clearTimeout(next.timer);
    next.admit();
  }
}
