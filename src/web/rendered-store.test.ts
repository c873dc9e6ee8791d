import { describe, expect, it } from "vitest";
import { RenderedStore, STALE_WHILE_RENDERING_MS } from "./rendered-store.js";

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
