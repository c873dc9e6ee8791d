import { describe, expect, it } from "vitest";
import { arxivDayOf } from "./arxiv-day.js";

describe("the arXiv day of a submission", () => {
  it("is the next weekday's listing for a submission before the 14:00 New York deadline", () => {
    expect(arxivDayOf(new Date("2026-06-15T17:59:00Z"))).toBe("2026-06-16"); // Mon 13:59 EDT
    expect(arxivDayOf(new Date("2026-06-18T12:00:00Z"))).toBe("2026-06-19"); // Thu 08:00 EDT
  });

  it("waits for the next deadline after 14:00 and over the weekend", () => {
    expect(arxivDayOf(new Date("2026-06-15T18:00:00Z"))).toBe("2026-06-17"); // Mon 14:00 EDT
    expect(arxivDayOf(new Date("2026-06-19T12:00:00Z"))).toBe("2026-06-22"); // Fri 08:00: Monday's listing
    expect(arxivDayOf(new Date("2026-06-19T19:00:00Z"))).toBe("2026-06-23"); // Fri 15:00: Tuesday's
    expect(arxivDayOf(new Date("2026-06-20T15:00:00Z"))).toBe("2026-06-23"); // Saturday
    expect(arxivDayOf(new Date("2026-06-22T03:00:00Z"))).toBe("2026-06-23"); // Sun 23:00 EDT
  });

  it("follows New York's clock across daylight saving time", () => {
    expect(arxivDayOf(new Date("2026-01-12T18:59:00Z"))).toBe("2026-01-13"); // Mon 13:59 EST
    expect(arxivDayOf(new Date("2026-01-12T19:00:00Z"))).toBe("2026-01-14"); // Mon 14:00 EST
  });
});
