import { randomBytes } from "node:crypto";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { CHECKED_MS, KNOWN_CURRENT_MS, RenderedStore, STALE_WHILE_RENDERING_MS } from "./rendered-store.js";

describe("RenderedStore while a newer copy is rendered", () => {
  it("keeps the copy before a newer one, answerable while it is recent, and counts renders under way", () => {
    const store = new RenderedStore(1024 * 1024);
    const url = "/papers";
    store.set(url, "old", "<p>old</p>", 1_000);
    expect(store.get(url, "new", 1_500)).toBeUndefined();
    expect(store.isRendering(url)).toBe(false);
    store.renderStarted(url);
    expect(store.isRendering(url)).toBe(true);
    expect(store.recent(url, 1_500)?.etag).toBe("old");
    expect(store.recent(url, 1_000 + STALE_WHILE_RENDERING_MS + 1)).toBeUndefined();
    store.renderEnded(url);
    expect(store.isRendering(url)).toBe(false);
  });

  it("counts a copy as current again each time it is answered as current", () => {
    const store = new RenderedStore(1024 * 1024);
    store.set("/a", "v1", "<p>a</p>", 0);
    expect(store.get("/a", "v1", 5_000)?.etag).toBe("v1");
    store.renderStarted("/a");
    store.renderStarted("/a");
    store.renderEnded("/a");
    expect(store.isRendering("/a")).toBe(true);
    expect(store.recent("/a", 5_000 + STALE_WHILE_RENDERING_MS)?.etag).toBe("v1");
  });
});

describe("RenderedStore's copies answered without reading the version", () => {
  it("counts a recent copy found behind the data as known for a moment after that read", () => {
    const store = new RenderedStore(1024 * 1024);
    store.set("/papers", "v1", "<p>day</p>", 0);
    const later = KNOWN_CURRENT_MS + 1;
    expect(store.known("/papers", later)).toBeUndefined();
    const page = store.recent("/papers", later);
    if (!page) throw new Error("the copy is recent");
    store.checked(page, later);
    expect(store.known("/papers", later + CHECKED_MS)?.etag).toBe("v1");
    expect(store.known("/papers", later + CHECKED_MS + 1)).toBeUndefined();
    // Never past the time a copy may stand behind the data.
    store.checked(page, STALE_WHILE_RENDERING_MS);
    expect(store.known("/papers", STALE_WHILE_RENDERING_MS + 1)).toBeUndefined();
  });
});

describe("RenderedStore's first copy of an address", () => {
  it("hands the copy the first render keeps to those who waited for it", async () => {
    const store = new RenderedStore(1024 * 1024);
    store.renderStarted("/papers");
    const waiting = [store.firstCopy("/papers"), store.firstCopy("/papers")];
    store.set("/papers", "v1", "<p>day</p>");
    store.renderEnded("/papers");
    const copies = await Promise.all(waiting);
    expect(copies.map((copy) => copy?.etag)).toEqual(["v1", "v1"]);
    expect(copies[0]?.html.toString()).toBe("<p>day</p>");
  });

  it("tells those waiting that there is no copy when every render ended without one", async () => {
    const store = new RenderedStore(1024 * 1024);
    store.renderStarted("/a");
    store.renderStarted("/a");
    const waiting = store.firstCopy("/a");
    store.renderEnded("/a");
    let settled = false;
    void waiting.then(() => {
      settled = true;
    });
    await Promise.resolve();
    expect(settled).toBe(false);
    store.renderEnded("/a");
    expect(await waiting).toBeUndefined();
  });
});

describe("RenderedStore's compressed copies", () => {
  it("makes each copy once, shared by the requests that ask while it is made", async () => {
    const store = new RenderedStore(1024 * 1024);
    const html = "<p>a page of papers</p>".repeat(500);
    store.set("/a", "v1", html);
    const page = store.get("/a", "v1");
    if (!page) throw new Error("the page was not kept");
    const [first, second] = await Promise.all([store.encoded(page, "br"), store.encoded(page, "br")]);
    expect(second?.body).toBe(first?.body);
    expect(brotliDecompressSync(first?.body ?? Buffer.alloc(0)).toString()).toBe(html);
    const gzipped = await store.encoded(page, "gzip");
    expect(gunzipSync(gzipped?.body ?? Buffer.alloc(0)).toString()).toBe(html);
    expect((await store.encoded(page, "br"))?.body).toBe(first?.body);
    expect(await store.encoded(page, null)).toBeNull();
  });

  it("counts the copies toward its budget", async () => {
    // Random text hardly compresses: each copy is about as large as the page.
    const html = () => randomBytes(1_000).toString("base64");
    const store = new RenderedStore(3_000);
    store.set("/a", "v1", html());
    store.set("/b", "v1", html());
    const page = store.get("/b", "v1");
    if (!page) throw new Error("the page was not kept");
    await store.encoded(page, "gzip");
    expect(store.size).toBe(1);
    expect(store.get("/b", "v1")).toBe(page);
  });
});
