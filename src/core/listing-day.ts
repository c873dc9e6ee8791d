import type { Clock } from "./clock.js";
import { invalid } from "./errors.js";

/** A calendar day written YYYY-MM-DD. Listing days are calendar days in America/New_York. */
export type Day = string;

export const LISTING_TIME_ZONE = "America/New_York";

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

const nyDateFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: LISTING_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

// New York's days start on a whole minute of UTC (its offsets are whole hours): within one minute the day is the
// same, and every page request asks for today's.
let lastMinute = { minute: Number.NaN, day: "" };

/** The listing day on which something featured at `instant` lands (Intl applies New York's DST rules). */
export function listingDayOf(instant: Date): Day {
  const minute = Math.floor(instant.getTime() / 60_000);
  if (minute !== lastMinute.minute) lastMinute = { minute, day: nyDateFormat.format(instant) };
  return lastMinute.day;
}

export function isDay(text: string): boolean {
  const match = DAY_PATTERN.exec(text);
  if (!match) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** Validates a day string and returns it; throws `invalid` with the reason otherwise. */
export function parseDay(text: string): Day {
  if (!isDay(text)) throw invalid(`"${text}" is not a calendar date in the form YYYY-MM-DD`);
  return text;
}

function dayToUtcMs(day: Day): number {
  return Date.parse(`${day}T00:00:00Z`);
}

function utcMsToDay(ms: number): Day {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(day: Day, count: number): Day {
  return utcMsToDay(dayToUtcMs(day) + count * MS_PER_DAY);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Day, to: Day): number {
  return Math.round((dayToUtcMs(to) - dayToUtcMs(from)) / MS_PER_DAY);
}

/** Today's listing day: the one day every page, job and digest means by "today". */
export function todaysListingDay(clock: Clock): Day {
  return listingDayOf(clock.now());
}

const NY_OFFSETS_HOURS = [4, 5];

/** The instant a listing day ends in New York (midnight that starts the next day, EDT or EST). */
export function endOfListingDay(day: Day): Date {
  const next = addDays(day, 1);
  for (const offset of NY_OFFSETS_HOURS) {
    const candidate = new Date(`${next}T0${offset}:00:00Z`);
    if (listingDayOf(candidate) === next && listingDayOf(new Date(candidate.getTime() - 1)) === day)
      return candidate;
  }
  return new Date(`${next}T05:00:00Z`);
}
