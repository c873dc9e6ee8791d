import { brotliCompressSync, constants, gzipSync } from "node:zlib";

export type Encoding = "br" | "gzip";

export interface StoredPage {
  readonly etag: string;
  /** The page as UTF-8 bytes: sending a Buffer skips encoding the string again on every response. */
  readonly html: Buffer;
  readonly variants: Map<Encoding, Buffer>;
  bytes: number;
}

/** The encoding to answer with: brotli, else gzip, else none; `;q=0` refuses an encoding. */
export function chooseEncoding(header: string | undefined): Encoding | null {
  if (!header) return null;
  const accepted = new Set<string>();
  for (const part of header.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const refused = params.some((param) => /^\s*q=0(\.0*)?\s*$/.test(param));
    if (name && !refused) accepted.add(name);
  }
  if (accepted.has("br")) return "br";
  if (accepted.has("gzip") || accepted.has("*")) return "gzip";
  return null;
}

const COMPRESS: Record<Encoding, (html: Buffer) => Buffer> = {
  br: (html) => brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 6 } }),
  gzip: (html) => gzipSync(html, { level: 6 }),
};

/**
 * Rendered pages by address, at most `budgetBytes` in all (least recently used go first). Each page is
 * compressed once per encoding, on the first request that asks for it, instead of on every response.
 */
export class RenderedStore {
  private readonly pages = new Map<string, StoredPage>();
  private total = 0;

  constructor(private readonly budgetBytes: number) {}

  get(url: string, etag: string): StoredPage | undefined {
    const page = this.pages.get(url);
    if (!page || page.etag !== etag) return undefined;
    this.pages.delete(url);
    this.pages.set(url, page);
    return page;
  }

  set(url: string, etag: string, html: string | Buffer) {
    this.remove(url);
    const bytes = typeof html === "string" ? Buffer.from(html, "utf8") : html;
    const page: StoredPage = { etag, html: bytes, variants: new Map(), bytes: bytes.length };
    this.pages.set(url, page);
    this.total += page.bytes;
    this.trim();
  }

  encoded(page: StoredPage, encoding: Encoding | null): { encoding: Encoding; body: Buffer } | null {
    if (!encoding) return null;
    let body = page.variants.get(encoding);
    if (!body) {
      body = COMPRESS[encoding](page.html);
      page.variants.set(encoding, body);
      page.bytes += body.length;
      this.total += body.length;
      this.trim();
    }
    return { encoding, body };
  }

  get size(): number {
    return this.pages.size;
  }

  private remove(url: string) {
    const page = this.pages.get(url);
    if (!page) return;
    this.pages.delete(url);
    this.total -= page.bytes;
  }

  private trim() {
    for (const url of this.pages.keys()) {
      if (this.total <= this.budgetBytes || this.pages.size <= 1) return;
      this.remove(url);
    }
  }
}
