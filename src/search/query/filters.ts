import { isCategory } from "../../core/categories.js";
import { isDay } from "../../core/listing-day.js";

export interface FilterDraft {
  categories: string[];
  authors: string[];
  after: string | null;
  before: string | null;
}

export const FILTER_KEYS = ["cat", "author", "after", "before", "year"] as const;

const YEAR = /^(\d{4})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

/**
 * Applies one `key:value` filter to the draft. Returns false when the value cannot be read (a bad date, an
 * unknown category form), so that the caller can take the token as plain words instead.
 */
export function applyFilter(draft: FilterDraft, key: string, value: string): boolean {
  const text = value.trim();
  if (text === "") return false;
  switch (key) {
    case "cat":
      if (!isCategory(text)) return false;
      draft.categories.push(text);
      return true;
    case "author":
      draft.authors.push(text);
      return true;
    case "after":
      return setDay(draft, "after", startOf(text));
    case "before":
      return setDay(draft, "before", endOf(text));
    case "year":
      if (!YEAR.test(text)) return false;
      return setDay(draft, "after", `${text}-01-01`) && setDay(draft, "before", `${text}-12-31`);
    default:
      return false;
  }
}

function setDay(draft: FilterDraft, which: "after" | "before", day: string | null): boolean {
  if (day === null) return false;
  const current = draft[which];
  // Several bounds narrow the range: keep the latest `after` and the earliest `before`.
  if (current === null || (which === "after" ? day > current : day < current)) draft[which] = day;
  return true;
}

/** `2025`, `2025-03` or `2025-03-14` as the first day it covers. */
function startOf(text: string): string | null {
  if (YEAR.test(text)) return `${text}-01-01`;
  if (MONTH.test(text)) return isDay(`${text}-01`) ? `${text}-01` : null;
  return isDay(text) ? text : null;
}

/** `2025`, `2025-03` or `2025-03-14` as the last day it covers. */
function endOf(text: string): string | null {
  if (YEAR.test(text)) return `${text}-12-31`;
  const month = MONTH.exec(text);
  if (month) {
    if (!isDay(`${text}-01`)) return null;
    const last = new Date(Date.UTC(Number(month[1]), Number(month[2]), 0));
    return last.toISOString().slice(0, 10);
  }
  return isDay(text) ? text : null;
}
