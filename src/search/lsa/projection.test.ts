import { describe, expect, it } from "vitest";
import { PROJECTION_WASM, termSum } from "./projection.js";
import { seededRandom } from "./random.js";

function randomProjection(terms: number, dimensions: number, seed: number): Float32Array {
  const random = seededRandom(seed);
  return Float32Array.from({ length: terms * dimensions }, () => random() - 0.5);
}

/** The sum of `rows` by `weights` worked out in float64, one term at a time. */
function expected(projection: Float32Array, dimensions: number, rows: number[], weights: number[]) {
  const out = new Float64Array(dimensions);
  rows.forEach((row, i) => {
    for (let c = 0; c < dimensions; c += 1)
      out[c] = (out[c] ?? 0) + (weights[i] ?? 0) * (projection[row * dimensions + c] ?? 0);
  });
  return Array.from(out);
}

function summed(
  projection: Float32Array,
  dimensions: number,
  rows: number[],
  weights: number[],
  wasm: boolean,
) {
  const sum = termSum(projection, dimensions, wasm);
  sum.clear();
  for (const [i, row] of rows.entries()) sum.add(row, weights[i] ?? 0);
  return Array.from(sum.sum());
}

describe("termSum", () => {
  it("is built in WebAssembly under npm test", () => {
    // `npm test` assembles it first; a build without it would pass every other test in the plain loops.
    expect(PROJECTION_WASM).not.toBeNull();
  });

  it("sums weighted rows as the plain loops do, across several calls and after a clear", () => {
    const dimensions = 64;
    const projection = randomProjection(500, dimensions, 11);
    const random = seededRandom(5);
    // More terms than one WebAssembly call takes (4,096), rows repeated.
    const rows = Array.from({ length: 9_000 }, () => Math.floor(random() * 500));
    const weights = rows.map(() => random() * 4);
    const want = expected(projection, dimensions, rows, weights);
    for (const wasm of [true, false]) {
      const got = summed(projection, dimensions, rows, weights, wasm);
      for (const [c, x] of got.entries()) expect(x).toBeCloseTo(want[c] ?? Number.NaN, 2);
    }
    const sum = termSum(projection, dimensions);
    sum.add(3, 1);
    sum.clear();
    sum.add(7, 2);
    expect(Array.from(sum.sum())).toEqual(
      Array.from(projection.subarray(7 * dimensions, 8 * dimensions), (x) => Math.fround(2 * x)),
    );
  });

  it("falls back to the plain loops when the dimensions are not a multiple of four", () => {
    const projection = randomProjection(10, 6, 3);
    const got = summed(projection, 6, [1, 4, 1], [0.5, 2, 1], true);
    const want = expected(projection, 6, [1, 4, 1], [0.5, 2, 1]);
    for (const [c, x] of got.entries()) expect(x).toBeCloseTo(want[c] ?? Number.NaN, 5);
  });
});
