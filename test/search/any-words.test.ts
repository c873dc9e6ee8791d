import { describe, expect, it } from "vitest";
import { keywordSearch } from "../../src/storage/keyword-search.js";
import type { KeywordRequest } from "../../src/storage/keyword-types.js";
import { BACKENDS } from "../helpers/backends.js";
import { keywordRequest } from "../helpers/keyword.js";
import { incoming, paperRecord } from "../helpers/papers.js";
import { sharedInstanceWith } from "../helpers/shared-instance.js";

const id = (n: number) => `2606.${String(n).padStart(5, "0")}`;
const BOTH = id(300); // "lattice" and "zygomorphic"
const RARE = id(301); // "zygomorphic" alone

/** 250 papers saying "lattice" (more than a search ranks in full), one of them "zygomorphic" too, 20 neither. */
const PAPERS = [
  ...Array.from({ length: 249 }, (_, i) =>
    paperRecord(id(i + 1), {
      title: `Lattice models number ${i}`,
      categories: [i % 2 === 0 ? "math.CO" : "cs.LG"],
    }),
  ),
  paperRecord(BOTH, { title: "Zygomorphic lattice flowers", categories: ["math.CO"] }),
  paperRecord(RARE, { title: "Zygomorphic flowers", categories: ["q-bio.PE"] }),
  ...Array.from({ length: 20 }, (_, i) => paperRecord(id(400 + i), { title: `Braid groups ${i}` })),
].map((record) => incoming(record));

const anyOf = (words: string[], more: Partial<KeywordRequest> = {}) => keywordRequest(words, true, more);

describe.each(BACKENDS)("a keyword search for any of several words (%s)", (backend) => {
  const instance = sharedInstanceWith(backend, PAPERS);
  const search = (request: KeywordRequest) => keywordSearch(instance().services.database, request);

  it("ranks papers holding more of the rarer words first and counts every match", async () => {
    const found = await search(anyOf(["lattice", "zygomorphic"]));
    expect(found.total).toBe(251);
    // Both hold the rarest word; BM25 may put the shorter one first.
    expect(new Set(found.ids.slice(0, 2))).toEqual(new Set([BOTH, RARE]));
    expect(found.scores).toEqual([...found.scores].sort((a, b) => b - a));
  });

  it("pages through every match once, past the papers it ranks in full", async () => {
    const seen: string[] = [];
    for (let offset = 0; offset < 260; offset += 20) {
      const page = await search(anyOf(["lattice", "zygomorphic"], { offset }));
      expect(page.total).toBe(251);
      seen.push(...page.ids);
    }
    expect(seen).toHaveLength(251);
    expect(new Set(seen).size).toBe(251);
    expect(await search(anyOf(["lattice"], { offset: 300 }))).toEqual({ ids: [], scores: [], total: 250 });
  });

  it("applies the filters before counting", async () => {
    const filters = { categories: ["math.CO"], authors: [], after: null, before: null };
    const found = await search(anyOf(["lattice", "zygomorphic"], { filters, limit: 200 }));
    expect(found.total).toBe(126);
    expect(found.ids[0]).toBe(BOTH);
    expect(found.ids).not.toContain(RARE);
    expect(await search(anyOf(["braid", "nothing"], { filters }))).toEqual({ ids: [], scores: [], total: 0 });
  });
});
