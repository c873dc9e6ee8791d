import { type Day, LISTING_TIME_ZONE } from "./listing-day.js";

const parts = new Intl.DateTimeFormat("en-US", {
  timeZone: LISTING_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  hourCycle: "h23",
  weekday: "short",
});

export interface NewYorkTime {
  readonly day: Day;
  readonly hour: number;
  /** 0 = Sunday ... 6 = Saturday. */
  readonly weekday: number;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** The calendar day, hour and weekday in America/New_York at an instant (Intl applies the DST rules). */
export function newYorkTime(instant: Date): NewYorkTime {
  const p = Object.fromEntries(parts.formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    day: `${p.year}-${p.month}-${p.day}`,
    hour: Number(p.hour),
    weekday: WEEKDAYS.indexOf(p.weekday ?? ""),
  };
}
