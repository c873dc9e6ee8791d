import { describe, expect, it } from "vitest";
import { addDays, daysBetween, isDay, listingDayOf, parseDay } from "./listing-day.js";

describe("listing days", () => {
  it("takes the calendar day in New York, not UTC", () => {
    // 03:30 UTC on 1 July is still 30 June in New York (EDT, UTC-4).
    expect(listingDayOf(new Date("2026-07-01T03:30:00Z"))).toBe("2026-06-30");
    expect(listingDayOf(new Date("2026-07-01T04:00:00Z"))).toBe("2026-07-01");
    // In winter New York is UTC-5.
    expect(listingDayOf(new Date("2026-01-15T04:59:59Z"))).toBe("2026-01-14");
    expect(listingDayOf(new Date("2026-01-15T05:00:00Z"))).toBe("2026-01-15");
  });

  it("is right across the daylight-saving changes", () => {
    // Clocks go forward at 02:00 EST on 8 March 2026 (07:00 UTC) and back at 02:00 EDT on 1 November (06:00 UTC).
    expect(listingDayOf(new Date("2026-03-08T04:59:00Z"))).toBe("2026-03-07");
    expect(listingDayOf(new Date("2026-03-08T05:00:00Z"))).toBe("2026-03-08");
    expect(listingDayOf(new Date("2026-03-09T03:59:00Z"))).toBe("2026-03-08");
    expect(listingDayOf(new Date("2026-03-09T04:00:00Z"))).toBe("2026-03-09");
    expect(listingDayOf(new Date("2026-11-01T03:59:00Z"))).toBe("2026-10-31");
    expect(listingDayOf(new Date("2026-11-02T04:59:00Z"))).toBe("2026-11-01");
    expect(listingDayOf(new Date("2026-11-02T05:00:00Z"))).toBe("2026-11-02");
  });

  it("validates calendar dates", () => {
    expect(isDay("2024-02-29")).toBe(true);
    expect(isDay("2025-02-29")).toBe(false);
    expect(isDay("2025-13-01")).toBe(false);
    expect(isDay("2025-1-01")).toBe(false);
    expect(() => parseDay("yesterday")).toThrow(/YYYY-MM-DD/);
  });

  it("does day arithmetic on the calendar", () => {
    expect(addDays("2026-03-07", 1)).toBe("2026-03-08");
    expect(addDays("2026-03-08", 1)).toBe("2026-03-09");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(daysBetween("2026-01-01", "2026-12-31")).toBe(364);
  });
});
