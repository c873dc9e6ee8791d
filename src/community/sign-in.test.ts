import { describe, expect, it } from "vitest";
import { safeNext } from "./sign-in.js";

describe("safeNext", () => {
  it("keeps paths on this site, with anything beyond ASCII percent-encoded for the Location header", () => {
    expect(safeNext("/papers/2606.26139?x=1#comments")).toBe("/papers/2606.26139?x=1#comments");
    expect(safeNext("/search?q=中文 ")).toBe("/papers");
    expect(safeNext("/search?q=中文")).toBe("/search?q=%E4%B8%AD%E6%96%87");
    expect(safeNext("/search?q=é%20x")).toBe("/search?q=%C3%A9%20x");
  });

  it.each([
    "//evil.example",
    "/\\evil.example",
    "https://evil.example/",
    "papers",
    "/a\u0000b",
    "/a\u007fb",
    "/\ud800",
    `/${"a".repeat(600)}`,
    42,
  ])("sends %j to /papers", (next) => {
    expect(safeNext(next)).toBe("/papers");
  });
});
