import { parseArxivId } from "../../core/arxiv-id.js";
import { invalid } from "../../core/errors.js";
import { type Day, isDay, listingDayOf } from "../../core/listing-day.js";
import type { IncomingPaper } from "../../core/paper.js";
import { collapseWhitespace, normaliseAbstract } from "../../core/text.js";

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const text = (value: unknown) => (typeof value === "string" ? value : null);

/**
 * Reads a Hugging Face `/api/daily_papers` answer: a JSON array of entries, each with the arXiv paper under
 * `paper`. Only `paper.id`, `paper.title` and `paper.upvotes` are required; every other key is optional.
 * `day` features every paper on that listing day; without it, each entry's `submittedOnDailyAt` decides.
 */
export function parseDailyPapers(body: string, source: string, day: Day | null = null): IncomingPaper[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    throw invalid(`${source}: malformed JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(parsed)) throw invalid(`${source}: expected a JSON array of daily papers`);
  return parsed.map((entry, index) => dailyEntry(entry, day, `${source} entry ${index + 1}`));
}

function dailyEntry(entry: unknown, day: Day | null, where: string): IncomingPaper {
  const paper = isObject(entry) ? entry.paper : undefined;
  if (!isObject(entry) || !isObject(paper)) throw invalid(`${where}: no "paper" object`);
  const rawId = text(paper.id);
  const title = collapseWhitespace(text(paper.title) ?? text(entry.title) ?? "");
  const upvotes = paper.upvotes;
  if (rawId === null || title === "") throw invalid(`${where}: "paper.id" and "paper.title" are required`);
  if (typeof upvotes !== "number" || !Number.isInteger(upvotes) || upvotes < 0)
    throw invalid(`${where}: "paper.upvotes" must be a count`);
  const published = instant(paper.publishedAt);
  return {
    record: {
      id: parseArxivId(rawId).id,
      title,
      abstract: normaliseAbstract(text(paper.summary) ?? text(entry.summary) ?? ""),
      authors: authorsOf(paper.authors),
      categories: [],
      comment: null,
      journalRef: null,
      doi: null,
      license: null,
      versions: [],
      published,
      updated: null,
      withdrawn: false,
    },
    featureOn: day ?? featuredDay(paper, entry, where),
    externalUpvotes: upvotes,
  };
}

function authorsOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .map((author) => collapseWhitespace((isObject(author) && text(author.name)) || ""))
    .filter((name) => name !== "");
}

/** The day HF listed it: `submittedOnDailyAt` (midnight UTC of that day), else when the entry was published. */
function featuredDay(paper: Json, entry: Json, where: string): Day {
  const submitted = text(paper.submittedOnDailyAt)?.slice(0, 10);
  if (submitted && isDay(submitted)) return submitted;
  const listed = instant(entry.publishedAt);
  if (listed === null)
    throw invalid(`${where}: no day to feature it on (no submittedOnDailyAt or publishedAt)`);
  return listingDayOf(new Date(listed));
}

function instant(value: unknown): string | null {
  const time = typeof value === "string" ? Date.parse(value) : Number.NaN;
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
