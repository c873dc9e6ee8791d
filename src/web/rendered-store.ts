import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

export type Encoding = "br" | "gzip";

export interface StoredPage {
  readonly etag: string;
  /** The page as UTF-8 bytes: sending a Buffer skips encoding the string again on every response. */
  readonly html: Buffer;
  /** Its compressed copies, each made once (on the thread pool) and shared by the requests that ask meanwhile. */
  readonly variants: Map<Encoding, Promise<Buffer>>;
  bytes: number;
  /** When the page was last known to show the current data (epoch ms): rendered, or answered as current. */
  currentAt: number;
  /**
   * When a request last read the data version for this page while the server was busy and answered it anyway
   * as a recent copy behind the data (epoch ms; 0: never).
   */
  checkedAt: number;
}

/** The content codings a client accepts (`;q=0` refuses one), lower-case. */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of header?.split(",") ?? []) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const refused = params.some((param) => /^\s*q=0(\.0*)?\s*$/.test(param));
    if (name && !refused) accepted.add(name);
  }
  return accepted;
}

/** The encoding to answer with: brotli, else gzip, else none. */
export function chooseEncoding(header: string | undefined): Encoding | null {
  const accepted = acceptedEncodings(header);
  if (accepted.has("br")) return "br";
  if (accepted.has("gzip") || accepted.has("*")) return "gzip";
  return null;
}

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * Off the event loop: a day page's brotli copy took milliseconds of the one thread, after every render, while
 * kept pages waited behind it.
 */
const COMPRESS: Record<Encoding, (html: Buffer) => Promise<Buffer>> = {
  br: (html) => brotli(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 6 } }),
  gzip: (html) => gzipped(html, { level: 6 }),
};

/**
 * How far behind the data a kept page may be to be answered while the server is busy (web/page-cache.ts); past
 * it, the page is rendered anew, and while that render runs any copy kept is answered. Under a stream of writes
 * (votes, comments) every write makes every kept page old; without this, each request would render the page
 * again, each waiting behind the others.
 */
export const STALE_WHILE_RENDERING_MS = 10_000;

/**
 * How long after a kept page was last known to show the current data it is answered, while the server is busy,
 * without reading the data version first: half of STALE_WHILE_RENDERING_MS, so the read that finds the copy still
 * current (and renews it) comes before the copy is too old to answer.
 */
export const KNOWN_CURRENT_MS = STALE_WHILE_RENDERING_MS / 2;

/**
 * How long a recent copy found behind the data is answered, while busy, without reading the version again.
 * Once past KNOWN_CURRENT_MS under a stream of writes, every request read the version only to answer the same
 * copy: on PostgreSQL a round trip that held each day page for a turn of the event loop or two (p50 10 ms
 * under the load bench, for half of every 10 s). A read a second still renews a copy that turns out current.
 */
export const CHECKED_MS = 1_000;

/**
 * Rendered pages by address, at most `budgetBytes` in all (least recently used go first). Each page is
 * compressed once per encoding, on the first request that asks for it, instead of on every response.
 */
export class RenderedStore {
  private readonly pages = new Map<string, StoredPage>();
  private readonly held = new WeakSet<StoredPage>();
  /** Renders under way per address (a request that found no current copy is rendering one). */
  private readonly rendering = new Map<string, number>();
  /** Requests waiting for the first copy of an address, while its first render runs. */
  private readonly awaiting = new Map<string, Array<(page: StoredPage | undefined) => void>>();
  private total = 0;

  constructor(private readonly budgetBytes: number) {}

  get(url: string, etag: string, now: number = Date.now()): StoredPage | undefined {
    const page = this.pages.get(url);
    if (!page || page.etag !== etag) return undefined;
    page.currentAt = now;
    this.pages.delete(url);
    this.pages.set(url, page);
    return page;
  }

  /** The copy kept of an address, whatever its version, if it was current within `within` (ms). */
  recent(url: string, now: number = Date.now(), within = STALE_WHILE_RENDERING_MS): StoredPage | undefined {
    const page = this.pages.get(url);
    return page && now - page.currentAt <= within ? page : undefined;
  }

  /**
   * The copy kept of an address if it was known current within KNOWN_CURRENT_MS, or is recent and was found
   * behind the data within CHECKED_MS (see checked).
   */
  known(url: string, now: number = Date.now()): StoredPage | undefined {
    const page = this.pages.get(url);
    if (!page) return undefined;
    if (now - page.currentAt <= KNOWN_CURRENT_MS) return page;
    return now - page.checkedAt <= CHECKED_MS && now - page.currentAt <= STALE_WHILE_RENDERING_MS
      ? page
      : undefined;
  }

  /** A request read the version and answered this recent copy although it is behind the data. */
  checked(page: StoredPage, now: number = Date.now()) {
    page.checkedAt = now;
  }

  /** The copy kept of an address, however old. */
  kept(url: string): StoredPage | undefined {
    return this.pages.get(url);
  }

  /** Whether a request is rendering this address now. */
  isRendering(url: string): boolean {
    return this.rendering.has(url);
  }

  /** A request starts rendering this address; `renderEnded` must follow, however the request ends. */
  renderStarted(url: string) {
    this.rendering.set(url, (this.rendering.get(url) ?? 0) + 1);
  }

  renderEnded(url: string) {
    const left = (this.rendering.get(url) ?? 1) - 1;
    if (left > 0) return this.rendering.set(url, left);
    this.rendering.delete(url);
    // Every render ended without a copy (an error, a refusal): those waiting render it themselves.
    this.settle(url, undefined);
  }

  /**
   * The copy the render under way will keep, for a request that came while an address with no copy yet is
   * rendered: on a cold start, every request for the day page that came during its first render rendered it
   * too, each a turn of the event loop. Undefined when the renders end without keeping a copy.
   */
  firstCopy(url: string): Promise<StoredPage | undefined> {
    return new Promise((resolve) => {
      const waiting = this.awaiting.get(url);
      if (waiting) waiting.push(resolve);
      else this.awaiting.set(url, [resolve]);
    });
  }

  private settle(url: string, page: StoredPage | undefined) {
    const waiting = this.awaiting.get(url);
    if (!waiting) return;
    this.awaiting.delete(url);
    for (const resolve of waiting) resolve(page);
  }

  set(url: string, etag: string, html: string | Buffer, now: number = Date.now()) {
    this.remove(url);
    const bytes = typeof html === "string" ? Buffer.from(html, "utf8") : html;
    const page: StoredPage = {
      etag,
      html: bytes,
      variants: new Map(),
      bytes: bytes.length,
      currentAt: now,
      checkedAt: 0,
    };
    this.pages.set(url, page);
    this.held.add(page);
    this.total += page.bytes;
    this.trim();
    this.settle(url, page);
  }

  async encoded(
    page: StoredPage,
    encoding: Encoding | null,
  ): Promise<{ encoding: Encoding; body: Buffer } | null> {
    if (!encoding) return null;
    let body = page.variants.get(encoding);
    if (!body) {
      body = COMPRESS[encoding](page.html);
      page.variants.set(encoding, body);
      this.count(page, (await body).length);
    }
    return { encoding, body: await body };
  }

  /** Counts a copy made for a page toward the budget, if the store still holds the page. */
  private count(page: StoredPage, bytes: number) {
    page.bytes += bytes;
    if (!this.held.has(page)) return;
    this.total += bytes;
    this.trim();
  }

  get size(): number {
    return this.pages.size;
  }

  private remove(url: string) {
    const page = this.pages.get(url);
    if (!page) return;
    this.pages.delete(url);
    this.held.delete(page);
    this.total -= page.bytes;
  }

  private trim() {
    for (const url of this.pages.keys()) {
      if (this.total <= this.budgetBytes || this.pages.size <= 1) return;
      this.remove(url);
    }
  }
}
