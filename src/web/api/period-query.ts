import { invalid } from "../../core/errors.js";
import { dayPeriod, type Period, parseMonth, parseWeek } from "../../core/periods.js";

/** The period named by `date`, `week` or `month` (at most one of them), or null for every listing day. */
export function periodOf(query: { date?: string; week?: string; month?: string }): Period | null {
  const given = [query.date, query.week, query.month].filter((value) => value !== undefined);
  if (given.length > 1) throw invalid("give at most one of date, week and month");
  if (query.date !== undefined) return dayPeriod(query.date);
  if (query.week !== undefined) return parseWeek(query.week);
  if (query.month !== undefined) return parseMonth(query.month);
  return null;
}
