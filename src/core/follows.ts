import { isCategory } from "./categories.js";
import { invalid } from "./errors.js";

/**
 * What a subscription follows: the period's trending papers, the subscriber's own For you (their account's top
 * papers of the period, docs/for-you.md), an arXiv category, or a saved search written in the search query
 * language. Written as text the same way everywhere (forms, CSV imports, the database): `trending`, `for-you`,
 * `cat:cs.LG`, or the query itself.
 */
export type Follow =
  | { readonly kind: "trending" }
  | { readonly kind: "for-you" }
  | { readonly kind: "category"; readonly category: string }
  | { readonly kind: "search"; readonly query: string };

export type Cadence = "daily" | "weekly";
export const CADENCES: readonly Cadence[] = ["daily", "weekly"];

/** Bounds that keep one digest readable and one subscription cheap to build. */
export const MAX_FOLLOWS = 20;
export const MAX_QUERY_LENGTH = 200;
export const PAPER_COUNT = { min: 1, max: 50, default: 10 } as const;

export function parseFollow(raw: string): Follow {
  const text = raw.trim().replace(/\s+/g, " ");
  if (text === "") throw invalid("a follow cannot be empty");
  if (text.toLowerCase() === "trending") return { kind: "trending" };
  if (text.toLowerCase() === "for-you") return { kind: "for-you" };
  const category = /^cat:(\S+)$/i.exec(text)?.[1];
  if (category !== undefined) {
    if (!isCategory(category))
      throw invalid(`"${category}" is not an arXiv category such as cs.LG or hep-th`);
    return { kind: "category", category };
  }
  if (text.length > MAX_QUERY_LENGTH)
    throw invalid(`a saved search is at most ${MAX_QUERY_LENGTH} characters`);
  return { kind: "search", query: text };
}

export function formatFollow(follow: Follow): string {
  if (follow.kind === "trending" || follow.kind === "for-you") return follow.kind;
  return follow.kind === "category" ? `cat:${follow.category}` : follow.query;
}

/** Parses a list of follows (one per line, or `;`-separated), without repeats, in order. */
export function parseFollows(raw: readonly string[]): Follow[] {
  const seen = new Map<string, Follow>();
  for (const entry of raw) {
    const follow = parseFollow(entry);
    seen.set(formatFollow(follow), follow);
  }
  if (seen.size > MAX_FOLLOWS) throw invalid(`follow at most ${MAX_FOLLOWS} things`);
  return [...seen.values()];
}

export function splitFollows(text: string, separator: RegExp = /[;\n]/): string[] {
  return text.split(separator).filter((part) => part.trim() !== "");
}

export function parseCadence(text: string): Cadence {
  const cadence = text.trim().toLowerCase();
  if (cadence === "daily" || cadence === "weekly") return cadence;
  throw invalid(`"${text}" is not a cadence: use daily or weekly`);
}
