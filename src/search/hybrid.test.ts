import { describe, expect, it } from "vitest";
import { withFeedback } from "./hybrid.js";

describe("withFeedback", () => {
  it("adds the mean feedback vector, weighted, and scales back to unit length", () => {
    // (1,0) + 1 * mean((0,1), (0,1)) = (1,1) -> (0.7071, 0.7071).
    const out = withFeedback(Float32Array.of(1, 0), [Float32Array.of(0, 1), Float32Array.of(0, 1)], 1);
    expect(out[0]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(out[1]).toBeCloseTo(Math.SQRT1_2, 6);
  });

  it("weighs the feedback against the query", () => {
    // (1,0) + 0.5 * mean((0,1), (1,0)) = (1.25, 0.25), then unit length.
    const out = withFeedback(Float32Array.of(1, 0), [Float32Array.of(0, 1), Float32Array.of(1, 0)], 0.5);
    const norm = Math.hypot(1.25, 0.25);
    expect(out[0]).toBeCloseTo(1.25 / norm, 6);
    expect(out[1]).toBeCloseTo(0.25 / norm, 6);
  });

  it("leaves the query alone without feedback papers or weight", () => {
    const query = Float32Array.of(0.6, 0.8);
    expect(withFeedback(query, [], 1)).toBe(query);
    expect(withFeedback(query, [Float32Array.of(1, 0)], 0)).toBe(query);
  });
});
