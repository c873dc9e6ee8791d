import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { cycles, importGraph } from "./import-graph.js";

const SRC = fileURLToPath(new URL("../../src/", import.meta.url));
const graph = importGraph(SRC);

/** The layers that may see the whole services object; everything else declares what it needs. */
const WIRING = /^(web|jobs|cli)\/|^services\.ts$/;

describe("the import graph of src/", () => {
  it("reads the real graph", () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get("web/app.ts")).toContain("services.ts");
    expect(
      cycles(
        new Map([
          ["a.ts", ["b.ts"]],
          ["b.ts", ["c.ts"]],
          ["c.ts", ["a.ts"]],
          ["d.ts", ["a.ts"]],
        ]),
      ),
    ).toEqual([["a.ts", "b.ts", "c.ts"]]);
  });

  it("has no import cycle, types included", () => {
    expect(cycles(graph)).toEqual([]);
  });

  it("lets only web, jobs and cli import the whole Services", () => {
    const importers = [...graph].filter(
      ([file, imports]) => imports.includes("services.ts") && !WIRING.test(file),
    );
    expect(importers.map(([file]) => file)).toEqual([]);
  });

  it("keeps core free of everything outside core", () => {
    const leaks = [...graph].filter(
      ([file, imports]) => file.startsWith("core/") && imports.some((i) => !i.startsWith("core/")),
    );
    expect(leaks.map(([file]) => file)).toEqual([]);
  });
});
