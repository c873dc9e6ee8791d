import { describe, expect, it } from "vitest";
import {
  FEATURE_SLOTS,
  type ForYouPaper,
  idf,
  paperFeatures,
  slot,
  termCounts,
  termStatistics,
} from "./for-you-features.js";

const paper = (fields: Partial<ForYouPaper>): ForYouPaper => ({
  id: "2607.00001",
  title: "",
  abstract: "",
  authors: [],
  categories: [],
  vector: null,
  ...fields,
});

const graphs = paper({
  title: "Graph networks",
  abstract: "Graph learning.",
  authors: ["Ada Lovelace", "Émile Borel"],
  categories: ["cs.LG"],
  vector: Float32Array.from([0.6, 0.8]),
});
const statistics = termStatistics([
  graphs,
  paper({ title: "Graph colouring", abstract: "Colouring." }),
  paper({ title: "Protein folding", abstract: "Folding." }),
]);
const weights = { terms: 1, authors: 3, categories: 0.3, vector: 2 };

function entries(features: ReturnType<typeof paperFeatures>): Map<number, number> {
  return new Map([...features.index].map((id, p) => [id, features.value[p] ?? 0]));
}

describe("For you features", () => {
  it("counts title terms twice, stemmed, without stop words", () => {
    expect(termCounts(graphs)).toEqual(
      new Map([
        ["graph", 3],
        ["network", 2],
        ["learn", 1],
      ]),
    );
  });

  it("weighs terms by a smoothed idf over the sample: ln((N + 1)/(df + 1)) + 1", () => {
    expect(idf(statistics, "graph")).toBe(Math.log(4 / 3) + 1);
    expect(idf(statistics, "protein")).toBe(Math.log(4 / 2) + 1);
    expect(idf(statistics, "unseen")).toBe(Math.log(4) + 1);
  });

  // FNV-1a, 32 bits, modulo the slot count (the values checked against an independent implementation).
  it("hashes keys to fixed slots", () => {
    expect(slot("t:graph")).toBe(767561);
    expect(slot("a:ada lovelace")).toBe(727925);
    expect(slot("t:graph")).toBeLessThan(FEATURE_SLOTS);
  });

  it("scales each block to its weight: terms, authors, categories, vector", () => {
    const x = entries(paperFeatures(graphs, statistics, weights));
    const graph = (1 + Math.log(3)) * (Math.log(4 / 3) + 1);
    const network = (1 + Math.log(2)) * (Math.log(4 / 2) + 1);
    const learn = Math.log(4 / 2) + 1;
    const norm = Math.hypot(graph, network, learn);
    expect(x.get(slot("t:graph"))).toBeCloseTo(graph / norm, 6);
    expect(x.get(slot("t:learn"))).toBeCloseTo(learn / norm, 6);
    // Authors meet by folded name: accents and case go.
    expect(x.get(slot("a:ada lovelace"))).toBeCloseTo(3 / Math.SQRT2, 6);
    expect(x.get(slot("a:emile borel"))).toBeCloseTo(3 / Math.SQRT2, 6);
    expect(x.get(slot("c:cs.LG"))).toBeCloseTo(0.3, 6);
    expect(x.get(FEATURE_SLOTS)).toBeCloseTo(1.2, 6);
    expect(x.get(FEATURE_SLOTS + 1)).toBeCloseTo(1.6, 6);
    expect(x.size).toBe(3 + 2 + 1 + 2);
  });

  it("leaves out the authors it is told to skip, and a missing vector", () => {
    const x = entries(
      paperFeatures({ ...graphs, vector: null }, statistics, weights, (n) => n === "Ada Lovelace"),
    );
    expect(x.has(slot("a:ada lovelace"))).toBe(false);
    expect(x.get(slot("a:emile borel"))).toBeCloseTo(3, 6);
    expect(x.has(FEATURE_SLOTS)).toBe(false);
  });
});
