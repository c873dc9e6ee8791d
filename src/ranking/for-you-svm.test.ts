import { describe, expect, it } from "vitest";
import { dot, type Example, type SparseVector, trainLinearSvm } from "./for-you-svm.js";

const vector = (entries: Record<number, number>): SparseVector => ({
  index: Int32Array.from(Object.keys(entries), Number),
  value: Float32Array.from(Object.values(entries)),
});

const options = { dimensions: 3, tolerance: 1e-9, maxEpochs: 10_000, seed: 1 };

describe("trainLinearSvm", () => {
  // Two points, +1 at x = (1, 0, 0) and -1 at x = (0, 1, 0), with C = 1. By symmetry both duals are one α, w =
  // (α, -α, 0) and b = 0; the dual's gradient (‖x‖² + 1 + 1/2C)·α - (x₁·x₂ + 1)·α - 1 = 2.5α - α - 1 vanishes at
  // α = 2/3. The primal agrees: margins of 2/3 leave a violation of 1/3, and α = 2C·(1/3).
  const pair: Example[] = [
    { x: vector({ 0: 1 }), positive: true, cost: 1 },
    { x: vector({ 1: 1 }), positive: false, cost: 1 },
  ];

  it("reaches the squared-hinge optimum of a symmetric pair", () => {
    const model = trainLinearSvm(pair, options);
    expect(model.weights[0]).toBeCloseTo(2 / 3, 9);
    expect(model.weights[1]).toBeCloseTo(-2 / 3, 9);
    expect(model.weights[2]).toBe(0);
    expect(model.bias).toBeCloseTo(0, 9);
  });

  it("weighs a costlier example more: its margin is violated less", () => {
    const costly = trainLinearSvm([{ ...pair[0], cost: 10 } as Example, pair[1] as Example], options);
    const x = pair[0]?.x ?? vector({});
    expect(dot(costly.weights, x) + costly.bias).toBeGreaterThan(
      dot(trainLinearSvm(pair, options).weights, x),
    );
  });

  it("is deterministic for a seed", () => {
    const many: Example[] = Array.from({ length: 40 }, (_, i) => ({
      x: vector({ [i % 3]: 1 + (i % 5) / 10, [(i + 1) % 3]: 0.5 }),
      positive: i % 4 === 0,
      cost: 0.5,
    }));
    const a = trainLinearSvm(many, { ...options, tolerance: 1e-3 });
    const b = trainLinearSvm(many, { ...options, tolerance: 1e-3 });
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
    expect(a.bias).toBe(b.bias);
  });
});
