import { describe, expect, it } from "vitest";
import { explainTrending, hoursBetween, trendingScore } from "./trending.js";

describe("trending score", () => {
  it.each([
    // upvotes, comments, age in hours, exact score
    [10, 4, 0, 3.446095064991105],
    [10, 4, 22, 0.03933697963728758],
    [1, 0, 0, 0.2871745887492588],
    [3, 2, 46, 0.003765526983325342],
    [100, 0, 168, 0.009664779308231798],
    [0, 0, 5, 0],
  ])("scores %i upvotes and %i comments at %i hours as %f", (upvotes, comments, ageHours, score) => {
    expect(trendingScore({ upvotes, comments, ageHours })).toBe(score);
  });

  it("treats a negative age (clock skew) as brand new", () => {
    expect(trendingScore({ upvotes: 5, comments: 0, ageHours: -3 })).toBe(1.4358729437462938);
    expect(trendingScore({ upvotes: 5, comments: 0, ageHours: -3 })).toBe(
      trendingScore({ upvotes: 5, comments: 0, ageHours: 0 }),
    );
  });

  it("explains itself: points, divisor and score", () => {
    expect(explainTrending({ upvotes: 10, comments: 4, ageHours: 22 })).toEqual({
      upvotes: 10,
      comments: 4,
      points: 12,
      ageHours: 22,
      ageDivisor: 24 ** 1.8,
      score: 12 / 24 ** 1.8,
    });
  });

  it("ranks a fresh paper with fewer votes above an old one with more, and more votes above fewer", () => {
    const fresh = trendingScore({ upvotes: 5, comments: 0, ageHours: 3 });
    const old = trendingScore({ upvotes: 40, comments: 10, ageHours: 72 });
    expect(fresh).toBeGreaterThan(old);
    expect(trendingScore({ upvotes: 6, comments: 0, ageHours: 3 })).toBeGreaterThan(fresh);
    expect(trendingScore({ upvotes: 5, comments: 2, ageHours: 3 })).toBe(
      trendingScore({ upvotes: 6, comments: 0, ageHours: 3 }),
    );
  });

  it("measures ages on a fixed clock", () => {
    expect(hoursBetween(new Date("2026-07-01T00:00:00Z"), new Date("2026-07-02T06:30:00Z"))).toBe(30.5);
  });
});
