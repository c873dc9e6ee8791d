import { describe, expect, it } from "vitest";
import { arxivAnnouncementPeriod, hfWindowPeriod } from "./schedule.js";

describe("schedule periods", () => {
  it("names the latest arXiv announcement whose 20:00 New York time has passed", () => {
    expect(arxivAnnouncementPeriod(new Date("2026-11-26T00:30:00Z"))).toBe("2026-11-24"); // Wed 19:30 EST
    expect(arxivAnnouncementPeriod(new Date("2026-11-26T01:00:00Z"))).toBe("2026-11-25"); // Wed 20:00 EST
    expect(arxivAnnouncementPeriod(new Date("2026-07-01T00:30:00Z"))).toBe("2026-06-30"); // Tue 20:30 EDT
    expect(arxivAnnouncementPeriod(new Date("2026-07-01T23:59:00Z"))).toBe("2026-06-30"); // Wed 19:59 EDT
  });

  it("has no announcement on Friday or Saturday evenings: Thursday's stays current until Sunday's", () => {
    expect(arxivAnnouncementPeriod(new Date("2026-11-28T03:00:00Z"))).toBe("2026-11-26"); // Fri 22:00 EST
    expect(arxivAnnouncementPeriod(new Date("2026-11-29T15:00:00Z"))).toBe("2026-11-26"); // Sun 10:00 EST
    expect(arxivAnnouncementPeriod(new Date("2026-11-30T01:00:00Z"))).toBe("2026-11-29"); // Sun 20:00 EST
  });

  it("splits the day into three-hour windows for Hugging Face", () => {
    expect(hfWindowPeriod(new Date("2026-11-27T07:59:00Z"))).toBe("2026-11-27T06");
    expect(hfWindowPeriod(new Date("2026-11-27T00:00:00Z"))).toBe("2026-11-27T00");
    expect(hfWindowPeriod(new Date("2026-11-27T23:00:00Z"))).toBe("2026-11-27T21");
  });
});

describe("the schedule table", () => {
  it("lists each job once, digests included, each due once an hour at most", async () => {
    const { SCHEDULE } = await import("./schedule.js");
    expect(SCHEDULE.map((job) => job.name)).toEqual(["arxiv-harvest", "hf-daily", "digests"]);
    const digests = SCHEDULE.find((job) => job.name === "digests");
    expect(digests?.period(new Date("2026-07-01T07:59:00Z"))).toBe("2026-07-01T07");
    expect(digests?.period(new Date("2026-07-01T08:00:00Z"))).toBe("2026-07-01T08");
  });
});
