/**
 * Progress for long work on stderr: a line redrawn in place on a terminal, a plain line every few seconds
 * otherwise (logs, CI).
 */
export class Progress {
  private readonly started = performance.now();
  private lastPrinted = 0;

  constructor(
    private readonly stream: NodeJS.WritableStream & { isTTY?: boolean },
    private readonly label: string,
    private readonly intervalMs = 2000,
    private readonly unit = "records",
  ) {}

  update(count: number, force = false) {
    const now = performance.now();
    const interval = this.stream.isTTY ? 100 : this.intervalMs;
    if (!force && now - this.lastPrinted < interval) return;
    this.lastPrinted = now;
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? Math.round(count / seconds) : 0;
    const text = `${this.label}: ${count.toLocaleString("en-US")} ${this.unit}, ${rate.toLocaleString("en-US")}/s`;
    this.stream.write(this.stream.isTTY ? `\r${text}\u001b[K` : `${text}\n`);
  }

  done(count: number) {
    this.update(count, true);
    if (this.stream.isTTY) this.stream.write("\n");
  }
}
