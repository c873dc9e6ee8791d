// arXiv category names: an archive, optionally a dot and a subject class (cs.LG, hep-th, math.GT,
// cond-mat.str-el). ACM classes (I.2.7) and MSC codes (68T50) leak into category lists and fail this.
const CATEGORY = /^[a-z-]+(\.[A-Za-z-]+)?$/;

export function isCategory(text: string): boolean {
  return CATEGORY.test(text);
}

/** Keeps the real arXiv categories, in order, without repeats. */
export function cleanCategories(raw: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const entry of raw) {
    for (const part of entry.split(/[;,\s]+/)) {
      if (isCategory(part)) seen.add(part);
    }
  }
  return [...seen];
}
