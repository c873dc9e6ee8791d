import { addDays, type Day } from "./listing-day.js";
import { newYorkTime } from "./new-york-time.js";
import type { PaperRecord } from "./paper.js";

/**
 * The arXiv day of a submission: the date of arXiv's daily listing that announces it. arXiv takes submissions
 * until 14:00 New York time, Monday to Friday, and announces them at 20:00 the same evening in the listing dated
 * the next weekday (Friday's go out on Sunday evening, dated Monday). A listing file states the day it saw; this
 * rule derives it from a record's first version when a source (OAI-PMH, the export API, the snapshot) does not.
 * arXiv's holiday schedule is not known here, so a paper submitted around a holiday may be dated a day early.
 */
export const SUBMISSION_DEADLINE_HOUR = 14;

const SATURDAY = 6;
const SUNDAY = 0;

function nextWeekday(day: Day): Day {
  let next = addDays(day, 1);
  for (;;) {
    const weekday = new Date(`${next}T12:00:00Z`).getUTCDay();
    if (weekday !== SATURDAY && weekday !== SUNDAY) return next;
    next = addDays(next, 1);
  }
}

/** The weekday whose 14:00 deadline a submission made at `submitted` meets. */
function deadlineDay(submitted: Date): Day {
  const local = newYorkTime(submitted);
  const weekend = local.weekday === SATURDAY || local.weekday === SUNDAY;
  if (!weekend && local.hour < SUBMISSION_DEADLINE_HOUR) return local.day;
  return nextWeekday(local.day);
}

export function arxivDayOf(submitted: Date): Day {
  return nextWeekday(deadlineDay(submitted));
}

/** The arXiv day a record's own dates give: from `published` (v1's date), else from its first version. */
export function derivedArxivDay(record: Pick<PaperRecord, "published" | "versions">): Day | null {
  const instant = record.published ?? record.versions.find((v) => v.version === 1)?.created ?? null;
  const time = instant === null ? Number.NaN : Date.parse(instant);
  return Number.isNaN(time) ? null : arxivDayOf(new Date(time));
}
