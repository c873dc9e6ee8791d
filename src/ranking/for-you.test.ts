import { describe, expect, it } from "vitest";
import { foldAuthorName } from "../core/author-name.js";
import {
  BLOCK_WEIGHTS,
  type Candidate,
  COLD_START_SIGNALS,
  FOLLOWED_AUTHOR_PRIOR,
  FOLLOWED_CATEGORY_PRIOR,
  type ForYouFollows,
  scoreForYou,
  trainForYou,
} from "./for-you.js";
import { type ForYouPaper, paperFeatures, termStatistics } from "./for-you-features.js";

const paper = (id: string, title: string, authors: string[], categories: string[]): ForYouPaper => ({
  id,
  title,
  abstract: title,
  authors,
  categories,
  vector: null,
});

const sample = [
  paper("s1", "Protein folding with diffusion", ["Rosalind Franklin"], ["q-bio.BM"]),
  paper("s2", "Galaxy rotation curves", ["Vera Rubin"], ["astro-ph.GA"]),
  paper("s3", "Graph colouring heuristics", ["Paul Erdos"], ["math.CO"]),
  paper("s4", "Sparse attention for long documents", ["Iz Beltagy"], ["cs.CL"]),
];
const liked = [
  paper("l1", "Message passing graph networks", ["Ada Lovelace", "Alan Turing"], ["cs.LG"]),
  paper("l2", "Graph networks for molecules", ["Ada Lovelace"], ["cs.LG"]),
];
const protein = paper("c2", "Protein structure with graph networks", ["Rosalind Franklin"], ["q-bio.BM"]);
const candidates = [
  paper("c1", "Equivariant graph networks", ["Ada Lovelace"], ["cs.LG"]),
  protein,
  paper("c3", "Galaxy clusters", ["Vera Rubin"], ["astro-ph.GA"]),
];
const statistics = termStatistics(sample);
const features = (p: ForYouPaper) => paperFeatures(p, statistics, BLOCK_WEIGHTS);
const candidate = (p: ForYouPaper): Candidate => ({
  features: features(p),
  authors: p.authors.map(foldAuthorName),
  categories: p.categories,
});
const noFollows: ForYouFollows = { authors: [], categories: new Set() };
const model = trainForYou({
  liked: liked.map(features),
  notInterested: [],
  unrated: sample.map(features),
  vectorDimensions: 0,
});

describe("For you model", () => {
  it("learns nothing without a liked paper", () => {
    expect(
      trainForYou({ liked: [], notInterested: [], unrated: sample.map(features), vectorDimensions: 0 }),
    ).toBe(null);
  });

  it("scores papers like the liked ones highest, with pinned values", () => {
    const scores = scoreForYou(model, candidates.map(candidate), noFollows, 0).map((s) => s.score);
    expect(scores).toEqual([0.9497887555792135, -0.8400154396244696, -0.8981853092207319]);
  });

  it("is deterministic: the same signals train the same model", () => {
    const again = trainForYou({
      liked: liked.map(features),
      notInterested: [],
      unrated: sample.map(features),
      vectorDimensions: 0,
    });
    expect(again && Array.from(again.weights)).toEqual(model && Array.from(model.weights));
  });

  it("adds the follow priors exactly, once each, and says why", () => {
    const follows: ForYouFollows = {
      authors: [{ name: "R. Franklin", folded: foldAuthorName("R. Franklin") }],
      categories: new Set(["q-bio.BM", "astro-ph.GA"]),
    };
    const plain = scoreForYou(model, candidates.map(candidate), noFollows, 0);
    const lifted = scoreForYou(model, candidates.map(candidate), follows, 0);
    expect(lifted[1]?.score).toBeCloseTo(
      (plain[1]?.score ?? 0) + FOLLOWED_AUTHOR_PRIOR + FOLLOWED_CATEGORY_PRIOR,
      12,
    );
    expect(lifted[1]?.reasons).toEqual([
      { kind: "author", name: "R. Franklin" },
      { kind: "category", category: "q-bio.BM" },
    ]);
    expect(lifted[2]?.score).toBeCloseTo((plain[2]?.score ?? 0) + FOLLOWED_CATEGORY_PRIOR, 12);
    expect(lifted[0]?.reasons).toEqual([]);
  });

  it("counts a rejected paper against papers like it", () => {
    const rejecting = trainForYou({
      liked: liked.map(features),
      notInterested: [features(paper("n1", "Protein graph networks", ["Rosalind Franklin"], ["q-bio.BM"]))],
      unrated: sample.map(features),
      vectorDimensions: 0,
    });
    const before = scoreForYou(model, [candidate(protein)], noFollows, 0)[0]?.score ?? 0;
    const after = scoreForYou(rejecting, [candidate(protein)], noFollows, 0)[0]?.score ?? 0;
    expect(after).toBeLessThan(before);
  });

  it("starts cold below three signals", () => {
    expect(COLD_START_SIGNALS).toBe(3);
  });
});
