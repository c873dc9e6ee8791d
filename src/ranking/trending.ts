/**
 * The trending score: a pure function of a paper's upvotes, comments and age, never stored as truth.
 *
 *   score = (U + w·C) / (A + a)^g
 *
 * U upvotes (local plus imported), C visible comments, A hours since the paper was featured, and the named
 * constants below. It is Hacker News's ranking (points over a power of age) with comments counted as a fraction
 * of an upvote: linear in points so every upvote weighs the same and the order is easy to explain.
 */

/** Upvotes one comment is worth. Under 1: a discussion signals interest, but a long thread must not outrank votes. */
export const COMMENT_WEIGHT = 0.5;

/** Hours added to every age, so a paper featured a minute ago is not divided by almost nothing. */
export const AGE_OFFSET_HOURS = 2;

/**
 * How fast age pulls a paper down (a dimensionless exponent). Hacker News's value: with it, a paper featured a
 * day ago needs about 10.6 times the points of one featured 5 hours ago to rank level with it.
 */
export const GRAVITY = 1.8;

/** Days a paper stays a candidate for trending after it was featured; older ones cannot climb back. */
export const TRENDING_WINDOW_DAYS = 7;

const MS_PER_HOUR = 3_600_000;

export interface TrendingInput {
  readonly upvotes: number;
  readonly comments: number;
  /** Hours since the paper was featured; negative ages (clock skew) count as 0. */
  readonly ageHours: number;
}

/** The score and its parts, so a page can say why a paper is where it is. */
export interface TrendingExplanation {
  readonly upvotes: number;
  readonly comments: number;
  /** U + w·C */
  readonly points: number;
  readonly ageHours: number;
  /** (A + a)^g */
  readonly ageDivisor: number;
  readonly score: number;
}

export function explainTrending(input: TrendingInput): TrendingExplanation {
  const points = Math.max(0, input.upvotes) + COMMENT_WEIGHT * Math.max(0, input.comments);
  const ageHours = Math.max(0, input.ageHours);
  const ageDivisor = (ageHours + AGE_OFFSET_HOURS) ** GRAVITY;
  return {
    upvotes: input.upvotes,
    comments: input.comments,
    points,
    ageHours,
    ageDivisor,
    score: points / ageDivisor,
  };
}

export function trendingScore(input: TrendingInput): number {
  return explainTrending(input).score;
}

/** Hours from `since` to `now`. */
export function hoursBetween(since: Date, now: Date): number {
  return (now.getTime() - since.getTime()) / MS_PER_HOUR;
}
