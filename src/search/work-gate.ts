import { overloaded } from "../core/errors.js";

/**
 * At most `running` pieces of work at once and `waiting` more in line; past that, work is refused at once
 * (503 with Retry-After) instead of joining a queue whose wait would grow without bound.
 */
export class WorkGate {
  private active = 0;
  private readonly line: (() => void)[] = [];

  constructor(
    readonly running: number,
    readonly waiting: number,
    private readonly what: string,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active < this.running) this.active += 1;
    else if (this.line.length < this.waiting) await new Promise<void>((resolve) => this.line.push(resolve));
    else throw overloaded(`Paperboy is answering as many ${this.what} as it can. Try again in a moment.`, 2);
    try {
      return await work();
    } finally {
      // The slot passes straight to the next in line, or is given back.
      const next = this.line.shift();
      if (next) next();
      else this.active -= 1;
    }
  }
}
