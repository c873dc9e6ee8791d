import { parseArxivId } from "../../core/arxiv-id.js";
import { cleanCategories } from "../../core/categories.js";
import { titleGap } from "../../core/damaged-title.js";
import { invalid } from "../../core/errors.js";
import { parseDay } from "../../core/listing-day.js";
import type { IncomingPaper } from "../../core/paper.js";
import { collapseWhitespace, normaliseAbstract } from "../../core/text.js";

/**
 * One line of the shared listing corpus (`papers/*.jsonl.gz`):
 * `{"id", "listed_on", "title", "authors": [...], "categories": [...], "comment", "summary"}`.
 * Such files are arXiv's daily lists of new submissions: the paper is one of the new papers of the arXiv day
 * `listed_on`, and nobody has featured it.
 */
export function parseListingLine(line: string): IncomingPaper {
  const o = parseJsonObject(line);
  const id = parseArxivId(requireString(o, "id")).id;
  const title = collapseWhitespace(requireString(o, "title"));
  const abstract = normaliseAbstract(requireString(o, "summary"));
  const authors = requireStringArray(o, "authors")
    .map(collapseWhitespace)
    .filter((a) => a !== "");
  if (title === "") throw invalid("title is empty");
  const gap = titleGap(title);
  if (gap)
    throw invalid(
      `${id}: the title lost words between "${gap[0]}" and "${gap[1]}" (\`paperboy fetch ${id}\` brings arXiv's own record)`,
    );
  if (authors.length === 0) throw invalid("authors is empty");
  const comment =
    typeof o.comment === "string" && o.comment.trim() !== "" ? collapseWhitespace(o.comment) : null;
  return {
    record: {
      id,
      title,
      abstract,
      authors,
      categories: cleanCategories(Array.isArray(o.categories) ? o.categories.filter(isString) : []),
      comment,
      journalRef: null,
      doi: null,
      license: null,
      versions: [],
      published: null,
      updated: null,
      withdrawn: false,
    },
    featureOn: null,
    announcedOn: parseDay(requireString(o, "listed_on")),
  };
}

export function parseJsonObject(line: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw invalid(`not valid JSON (${(error as Error).message})`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw invalid("expected a JSON object");
  return value as Record<string, unknown>;
}

export const isString = (x: unknown): x is string => typeof x === "string";

export function requireString(o: Record<string, unknown>, key: string): string {
  const value = o[key];
  if (typeof value !== "string") throw invalid(`"${key}" must be a string`);
  return value;
}

export function requireStringArray(o: Record<string, unknown>, key: string): string[] {
  const value = o[key];
  if (!Array.isArray(value) || !value.every(isString)) throw invalid(`"${key}" must be an array of strings`);
  return value;
}
