import type { Cadence } from "../core/follows.js";
import { addDays, type Day, listingDayOf } from "../core/listing-day.js";
import { dayPeriod, type Period, weekOf } from "../core/periods.js";

/** The period a cadence covers for a given day: that listing day, or the ISO week holding it. */
export function periodFor(cadence: Cadence, day: Day): Period {
  return cadence === "daily" ? dayPeriod(day) : weekOf(day);
}

/**
 * The last complete period at an instant: yesterday's listing day, or last ISO week. Running again within the
 * same period finds every digest in the ledger and sends nothing.
 */
export function duePeriod(cadence: Cadence, now: Date): Period {
  const today = listingDayOf(now);
  return periodFor(cadence, addDays(today, cadence === "daily" ? -1 : -7));
}
