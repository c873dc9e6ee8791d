/**
 * One read at a time, shared by the callers that may share it: a caller gets a read that started after it asked,
 * so it sees every write committed before it asked. Callers that come while a read runs share the next one, which
 * starts when that read ends; under load the database answers one query per round trip instead of one per
 * caller, and no caller gets an answer older than its question.
 */
export class FreshReads<T> {
  private running: Promise<T> | null = null;
  private queued: Promise<T> | null = null;

  constructor(private readonly query: () => Promise<T>) {}

  read(): Promise<T> {
    const running = this.running;
    if (!running) return this.start();
    this.queued ??= running.then(
      () => this.startQueued(),
      () => this.startQueued(),
    );
    return this.queued;
  }

  private startQueued(): Promise<T> {
    this.queued = null;
    return this.start();
  }

  private start(): Promise<T> {
    const read = this.query().finally(() => {
      if (this.running === read) this.running = null;
    });
    this.running = read;
    return read;
  }
}
