/**
 * For you: a reader's ranking of papers, learnt from that reader's signals alone.
 *
 *   score(p) = w·x(p) + b  +  A·[p is by an author the reader follows]  +  K·[p is in a category the reader follows]
 *
 * x(p) is the paper as one sparse vector (for-you-features.ts): TF-IDF of its terms, its authors, its categories
 * and the embedder's vector, each block scaled to the length in BLOCK_WEIGHTS. w and b are a linear SVM's
 * (for-you-svm.ts, squared hinge, as arxiv-sanity-lite's) trained afresh whenever the reader's signals change:
 * upvoted and saved papers are the positives; papers marked not interested and a fixed sample of the instance's
 * other papers (UNRATED_SAMPLE, the same for every reader) the negatives. Classes are balanced, so ten upvotes
 * weigh as much against the sample as a thousand would. The score is in margin units: the SVM puts the papers it
 * learnt from at +1 and -1, so a prior of 1 lifts a paper by the width of that gap. Follows are priors, not
 * examples: a followed author or category says where to look before any paper was liked there.
 * Everything is deterministic: the sample and the SVM's visiting order are seeded.
 *
 * Below COLD_START_SIGNALS signals there is too little to learn from: the ranking is then the trending order with
 * followed categories and authors first (cold-start.ts), and the pages say so and ask for more.
 */
import { type FoldedName, sameAuthor } from "../core/author-name.js";
import { type BlockWeights, FEATURE_SLOTS } from "./for-you-features.js";
import { dot, type Example, type LinearModel, type SparseVector, trainLinearSvm } from "./for-you-svm.js";

/** Fewer signals than this (liked papers, not-interested papers and follows together) is a cold start. */
export const COLD_START_SIGNALS = 3;

/**
 * Lengths of the feature blocks. Authors weigh most: who wrote a paper is the sharpest single sign of whether a
 * reader wants it (tuned on the benchmark's tuning authors, bench/for-you.bench.ts); terms and the embedder's
 * vector carry the topic; categories are coarse, so they only nudge.
 */
export const BLOCK_WEIGHTS: BlockWeights = Object.freeze({
  terms: 1,
  authors: 3,
  categories: 0.3,
  vector: 1,
});

/**
 * The SVM's C (cost per unit of squared margin violation) with balanced class weights, as scikit-learn counts it:
 * each example costs C·n / (2·n_class), so positives and negatives weigh the same in all.
 */
export const SVM_C = 1;

/** A paper marked not interested counts this many times a sampled unrated paper: the reader said so. */
export const NOT_INTERESTED_WEIGHT = 10;

/** How many of the instance's papers stand in for "not chosen" (a seeded sample, shared by every reader). */
export const UNRATED_SAMPLE = 3000;

/** Margin units added for a paper by a followed author, and for one in a followed category. */
export const FOLLOWED_AUTHOR_PRIOR = 1.5;
export const FOLLOWED_CATEGORY_PRIOR = 0.5;

/** Stopping rule and visiting-order seed of the SVM: it stops within 1e-3 of the optimum's conditions. */
const SOLVER = { tolerance: 1e-3, maxEpochs: 200, seed: 20_260_701 } as const;

/** What the model is trained on: the reader's papers as feature vectors, and the shared unrated sample. */
export interface TrainingSet {
  readonly liked: readonly SparseVector[];
  readonly notInterested: readonly SparseVector[];
  /** The sample, already without the papers the reader rated. */
  readonly unrated: readonly SparseVector[];
  /** Feature ids are below FEATURE_SLOTS + this. */
  readonly vectorDimensions: number;
}

/** Balanced costs; a not-interested paper counts as NOT_INTERESTED_WEIGHT negatives. */
function examples(set: TrainingSet): Example[] {
  const negativeUnits = set.unrated.length + NOT_INTERESTED_WEIGHT * set.notInterested.length;
  const n = set.liked.length + negativeUnits;
  const positive = (SVM_C * n) / (2 * Math.max(1, set.liked.length));
  const negative = (SVM_C * n) / (2 * Math.max(1, negativeUnits));
  return [
    ...set.liked.map((x) => ({ x, positive: true, cost: positive })),
    ...set.notInterested.map((x) => ({ x, positive: false, cost: negative * NOT_INTERESTED_WEIGHT })),
    ...set.unrated.map((x) => ({ x, positive: false, cost: negative })),
  ];
}

/** A trained model as its non-zero weights only: a few thousand entries instead of a million slots. */
export interface ForYouModel {
  readonly ids: Int32Array;
  readonly weights: Float64Array;
  readonly bias: number;
}

function compact(model: LinearModel): ForYouModel {
  const ids: number[] = [];
  for (let id = 0; id < model.weights.length; id += 1) if (model.weights[id] !== 0) ids.push(id);
  return {
    ids: Int32Array.from(ids),
    weights: Float64Array.from(ids, (id) => model.weights[id] ?? 0),
    bias: model.bias,
  };
}

/** The reader's model; null when nothing was liked yet (then only the priors rank). */
export function trainForYou(set: TrainingSet): ForYouModel | null {
  if (set.liked.length === 0) return null;
  return compact(
    trainLinearSvm(examples(set), { dimensions: FEATURE_SLOTS + set.vectorDimensions, ...SOLVER }),
  );
}

/** Why a paper is where it is in a reader's For you. */
export type ForYouReason =
  | { readonly kind: "author"; readonly name: string }
  | { readonly kind: "category"; readonly category: string }
  | { readonly kind: "like"; readonly paperId: string; readonly title: string; readonly signal: LikeSignal }
  | { readonly kind: "trending" };

export type LikeSignal = "upvote" | "save";

/** The follows that act as priors: authors (folded, with the name the reader followed) and categories. */
export interface ForYouFollows {
  readonly authors: readonly { readonly name: string; readonly folded: FoldedName }[];
  readonly categories: ReadonlySet<string>;
}

export interface Candidate {
  readonly features: SparseVector;
  /** The paper's authors, folded (core/author-name.ts). */
  readonly authors: readonly FoldedName[];
  readonly categories: readonly string[];
}

/** The follow reasons that apply to a paper: at most one author (the first followed) and one category. */
export function followReasons(candidate: Candidate, follows: ForYouFollows): ForYouReason[] {
  const reasons: ForYouReason[] = [];
  const author = follows.authors.find((a) => candidate.authors.some((b) => sameAuthor(a.folded, b)));
  if (author) reasons.push({ kind: "author", name: author.name });
  const category = candidate.categories.find((c) => follows.categories.has(c));
  if (category) reasons.push({ kind: "category", category });
  return reasons;
}

export interface Scored {
  readonly score: number;
  readonly reasons: readonly ForYouReason[];
}

// One dense copy of the weights at a time (scoring is synchronous), reused so no model keeps a million slots.
let scratch = new Float64Array(0);

function spread(model: ForYouModel | null, size: number): Float64Array {
  if (scratch.length < size) scratch = new Float64Array(size);
  if (model)
    model.ids.forEach((id, i) => {
      scratch[id] = model.weights[i] ?? 0;
    });
  return scratch;
}

/** Each candidate's score for the reader, with the follow reasons that lifted it, in the candidates' order. */
export function scoreForYou(
  model: ForYouModel | null,
  candidates: readonly Candidate[],
  follows: ForYouFollows,
  vectorDimensions: number,
): Scored[] {
  const weights = spread(model, FEATURE_SLOTS + vectorDimensions);
  try {
    return candidates.map((candidate) => {
      const reasons = followReasons(candidate, follows);
      let score = model ? dot(weights, candidate.features) + model.bias : 0;
      for (const reason of reasons)
        score += reason.kind === "author" ? FOLLOWED_AUTHOR_PRIOR : FOLLOWED_CATEGORY_PRIOR;
      return { score, reasons };
    });
  } finally {
    if (model) for (const id of model.ids) weights[id] = 0;
  }
}
