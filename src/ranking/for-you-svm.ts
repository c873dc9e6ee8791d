import { seededRandom } from "../search/lsa/random.js";

/** A sparse vector: feature ids (any order, no repeats) and their values. */
export interface SparseVector {
  readonly index: Int32Array;
  readonly value: Float32Array;
}

/** One labelled example; `cost` is its C, the price of each unit of its margin violation. */
export interface Example {
  readonly x: SparseVector;
  readonly positive: boolean;
  readonly cost: number;
}

export interface SvmOptions {
  /** Features are ids below this. */
  readonly dimensions: number;
  /** Stop once the projected gradients' spread falls below this (liblinear's eps). */
  readonly tolerance: number;
  readonly maxEpochs: number;
  /** Seeds the order examples are visited in, so training is deterministic. */
  readonly seed: number;
}

/** Weights over every feature id, and the bias (learnt as the weight of a constant feature 1, as liblinear does). */
export interface LinearModel {
  readonly weights: Float64Array;
  readonly bias: number;
}

export function dot(weights: Float64Array, x: SparseVector): number {
  let sum = 0;
  for (let p = 0; p < x.index.length; p += 1) sum += (weights[x.index[p] ?? 0] ?? 0) * (x.value[p] ?? 0);
  return sum;
}

function shuffle(order: Int32Array, random: () => number): void {
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i] ?? 0;
    order[i] = order[j] ?? 0;
    order[j] = t;
  }
}

/**
 * The problem and its dual's state while it is solved. The examples sit in three flat arrays (row i's features
 * are `index`/`value` from `start[i]` to `start[i + 1]`): the solver walks every example each pass, and flat
 * arrays walk about twice as fast as one small object per example. Features are renumbered densely in the order
 * the examples first use them (`used` maps back): the weights the solver reads and writes at every step then
 * fill a few hundred kilobytes that stay in the processor's cache, not megabytes of mostly empty hashed slots.
 */
interface Dual {
  readonly start: Int32Array;
  /** Renumbered features; `used[k]` is feature k's id. */
  readonly index: Int32Array;
  readonly used: Int32Array;
  readonly value: Float32Array;
  /** +1 for a positive example, -1 for a negative one. */
  readonly sign: Int8Array;
  readonly weights: Float64Array;
  bias: number;
  readonly alpha: Float64Array;
  /** 1 / (2Cᵢ): the squared hinge turns each example's cost into a diagonal term. */
  readonly diagonal: Float64Array;
  /** ‖xᵢ‖² + 1 (the bias feature) + the diagonal term. */
  readonly q: Float64Array;
}

function dualOf(examples: readonly Example[], dimensions: number): Dual {
  const start = new Int32Array(examples.length + 1);
  examples.forEach((e, i) => {
    start[i + 1] = (start[i] ?? 0) + e.x.index.length;
  });
  const { index, used } = renumber(examples, start, dimensions);
  const value = new Float32Array(index.length);
  const q = new Float64Array(examples.length);
  const diagonal = Float64Array.from(examples, (e) => 1 / (2 * e.cost));
  examples.forEach((e, i) => {
    value.set(e.x.value, start[i]);
    q[i] = e.x.value.reduce((sum, v) => sum + v * v, 1) + (diagonal[i] ?? 0);
  });
  const sign = Int8Array.from(examples, (e) => (e.positive ? 1 : -1));
  const alpha = new Float64Array(examples.length);
  const weights = new Float64Array(used.length);
  return { start, index, used, value, sign, weights, bias: 0, alpha, diagonal, q };
}

/** The examples' features renumbered 0, 1, 2... in order of first use, and each new number's feature id. */
function renumber(examples: readonly Example[], start: Int32Array, dimensions: number) {
  const numberOf = new Int32Array(dimensions).fill(-1);
  const used: number[] = [];
  const index = new Int32Array(start[examples.length] ?? 0);
  examples.forEach((e, i) => {
    const offset = start[i] ?? 0;
    e.x.index.forEach((id, p) => {
      let k = numberOf[id] ?? -1;
      if (k < 0) {
        k = used.length;
        numberOf[id] = k;
        used.push(id);
      }
      index[offset + p] = k;
    });
  });
  return { index, used: Int32Array.from(used) };
}

/** Example i's signed margin y·(w·x + b). */
function margin(dual: Dual, i: number): number {
  const { index, value, weights } = dual;
  let sum = 0;
  for (let p = dual.start[i] ?? 0, end = dual.start[i + 1] ?? 0; p < end; p += 1)
    sum += (weights[index[p] ?? 0] ?? 0) * (value[p] ?? 0);
  return (dual.sign[i] ?? 1) * (sum + dual.bias);
}

/** Solves example i's dual variable exactly and moves the weights with it. */
function step(dual: Dual, i: number, gradient: number): void {
  const a = dual.alpha[i] ?? 0;
  const next = Math.max(a - gradient / (dual.q[i] ?? 1), 0);
  dual.alpha[i] = next;
  const delta = (next - a) * (dual.sign[i] ?? 1);
  const { index, value, weights } = dual;
  for (let p = dual.start[i] ?? 0, end = dual.start[i + 1] ?? 0; p < end; p += 1) {
    const f = index[p] ?? 0;
    weights[f] = (weights[f] ?? 0) + delta * (value[p] ?? 0);
  }
  dual.bias += delta;
}

/**
 * One pass over the active examples (the first `active` of `order`). An example at its bound whose gradient
 * exceeds the last pass's largest is set aside (shrinking, as liblinear does); returns the new active count and
 * the projected gradients' range.
 */
function pass(dual: Dual, order: Int32Array, active: number, limit: number) {
  let high = Number.NEGATIVE_INFINITY;
  let low = Number.POSITIVE_INFINITY;
  for (let s = 0; s < active; s += 1) {
    const i = order[s] ?? 0;
    const a = dual.alpha[i] ?? 0;
    const gradient = margin(dual, i) - 1 + (dual.diagonal[i] ?? 0) * a;
    if (a === 0 && gradient > limit) {
      active -= 1;
      order[s] = order[active] ?? 0;
      order[active] = i;
      s -= 1;
      continue;
    }
    const projected = a === 0 ? Math.min(gradient, 0) : gradient;
    high = Math.max(high, projected);
    low = Math.min(low, projected);
    if (Math.abs(projected) > 1e-12) step(dual, i, gradient);
  }
  return { active, high, low };
}

/**
 * An L2-regularised linear SVM with the squared hinge loss, trained by dual coordinate descent with shrinking
 * (Hsieh et al. 2008, the algorithm of liblinear and scikit-learn's LinearSVC): minimises
 * ½‖w‖² + Σ Cᵢ·max(0, 1 − yᵢ·(w·xᵢ + b))², the bias regularised as a weight of a constant feature 1. Each step
 * solves one example's dual variable exactly, so there is no learning rate to tune.
 */
export function trainLinearSvm(examples: readonly Example[], options: SvmOptions): LinearModel {
  const dual = dualOf(examples, options.dimensions);
  const order = Int32Array.from(examples.keys());
  const random = seededRandom(options.seed);
  let active = examples.length;
  let limit = Number.POSITIVE_INFINITY;
  for (let epoch = 0; epoch < options.maxEpochs; epoch += 1) {
    shuffle(order.subarray(0, active), random);
    const result = pass(dual, order, active, limit);
    active = result.active;
    limit = result.high > 0 ? result.high : Number.POSITIVE_INFINITY;
    if (result.high - result.low > options.tolerance) continue;
    if (active === examples.length) break;
    active = examples.length;
    limit = Number.POSITIVE_INFINITY;
  }
  const weights = new Float64Array(options.dimensions);
  dual.used.forEach((id, k) => {
    weights[id] = dual.weights[k] ?? 0;
  });
  return { weights, bias: dual.bias };
}
