import { invalid } from "./errors.js";
import { addDays, type Day, isDay } from "./listing-day.js";

/** A span of listing days, both ends included. */
export interface Period {
  readonly kind: "day" | "week" | "month";
  readonly key: string;
  readonly first: Day;
  readonly last: Day;
}

const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;
const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;

function isoWeekday(day: Day): number {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** The Monday that starts ISO week 1 of `year` (the week holding 4 January). */
function firstMondayOfIsoYear(year: number): Day {
  const january4 = `${String(year).padStart(4, "0")}-01-04`;
  return addDays(january4, 1 - isoWeekday(january4));
}

export function dayPeriod(day: Day): Period {
  if (!isDay(day)) throw invalid(`"${day}" is not a calendar date in the form YYYY-MM-DD`);
  return { kind: "day", key: day, first: day, last: day };
}

export function weekOf(day: Day): Period {
  const monday = addDays(day, 1 - isoWeekday(day));
  const thursday = addDays(monday, 3);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((Date.parse(monday) - Date.parse(firstMondayOfIsoYear(year))) / 604_800_000) + 1;
  return {
    kind: "week",
    key: `${year}-W${String(week).padStart(2, "0")}`,
    first: monday,
    last: addDays(monday, 6),
  };
}

export function parseWeek(key: string): Period {
  const match = WEEK_PATTERN.exec(key);
  if (!match) throw invalid(`"${key}" is not an ISO week in the form YYYY-Www`);
  const year = Number(match[1]);
  const week = Number(match[2]);
  const monday = addDays(firstMondayOfIsoYear(year), (week - 1) * 7);
  const period = weekOf(monday);
  if (week < 1 || period.key !== key) throw invalid(`${year} has no week ${match[2]}`);
  return period;
}

export function monthOf(day: Day): Period {
  return parseMonth(day.slice(0, 7));
}

export function parseMonth(key: string): Period {
  const match = MONTH_PATTERN.exec(key);
  const month = Number(match?.[2]);
  if (!match || month < 1 || month > 12) throw invalid(`"${key}" is not a month in the form YYYY-MM`);
  const first = `${key}-01`;
  const nextMonth =
    month === 12 ? `${Number(match[1]) + 1}-01-01` : `${match[1]}-${String(month + 1).padStart(2, "0")}-01`;
  return { kind: "month", key, first, last: addDays(nextMonth, -1) };
}

/** The period of the same kind as `period` (day, week or month) that holds `day`. */
export function periodHolding(period: Pick<Period, "kind">, day: Day): Period {
  if (period.kind === "day") return dayPeriod(day);
  return period.kind === "week" ? weekOf(day) : monthOf(day);
}
