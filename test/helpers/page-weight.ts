/** Fetches a URL with the given request headers; returns the bytes as sent (still compressed). */
export type Getter = (url: string, headers: Record<string, string>) => Promise<{ body: Buffer }>;

export interface PageWeight {
  /** Compressed bytes of each stylesheet and script the page links, by address. */
  readonly assets: Record<string, number>;
  readonly total: number;
}

/** What a first visit to a page downloads in CSS and JavaScript, compressed as a browser would ask for it. */
export async function pageWeight(get: Getter, url: string, encoding = "br, gzip"): Promise<PageWeight> {
  const page = await get(url, { "accept-encoding": "identity" });
  const html = page.body.toString("utf8");
  const links = [
    ...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g),
    ...html.matchAll(/<script src="([^"]+)"/g),
  ].map((match) => (match[1] ?? "").replaceAll("&amp;", "&"));
  const assets: Record<string, number> = {};
  for (const link of links) {
    const response = await get(link, { "accept-encoding": encoding });
    assets[link] = response.body.length;
  }
  return { assets, total: Object.values(assets).reduce((sum, n) => sum + n, 0) };
}
