import { describe, expect, it } from "vitest";
import { arxivDates } from "./arxiv-dates.js";

const none = { versions: [], published: null, updated: null };

describe("arxivDates", () => {
  it("takes the first and the latest version from the versions", () => {
    const dates = arxivDates({
      id: "1601.00001",
      versions: [
        { version: 2, created: "2016-01-04T10:00:00Z" },
        { version: 1, created: "2015-12-26T09:00:00Z" },
      ],
      published: "2015-12-26T09:00:00Z",
      updated: "2016-01-04T10:00:00Z",
    });
    expect(dates).toEqual({
      firstSubmitted: "2015-12-26T09:00:00Z",
      latest: { version: 2, submitted: "2016-01-04T10:00:00Z" },
      idMonth: "2016-01",
    });
  });

  it("names no latest version for a paper with one", () => {
    const dates = arxivDates({ ...none, id: "2606.16747", published: "2026-06-15T00:00:00Z" });
    expect(dates.firstSubmitted).toBe("2026-06-15T00:00:00Z");
    expect(dates.latest).toBeNull();
  });

  it("reads the month from new- and old-style ids when the record has no dates", () => {
    expect(arxivDates({ ...none, id: "2606.16747" })).toEqual({
      firstSubmitted: null,
      latest: null,
      idMonth: "2026-06",
    });
    expect(arxivDates({ ...none, id: "hep-th/9901001" }).idMonth).toBe("1999-01");
  });
});
