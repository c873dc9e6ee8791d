import { describe, expect, it } from "vitest";
import type { PaperRecord } from "./paper.js";
import { boundRecord, RECORD_LIMITS } from "./record-bounds.js";

const RECORD: PaperRecord = {
  id: "2606.00001",
  title: "A title",
  abstract: "An abstract.\n\nA second paragraph.",
  authors: ["Ada Lovelace"],
  categories: ["cs.CL"],
  comment: "12 pages",
  journalRef: null,
  doi: null,
  license: null,
  versions: [],
  published: null,
  updated: null,
  withdrawn: false,
};

describe("record bounds", () => {
  it("leaves an ordinary record as it is", () => {
    expect(boundRecord(RECORD)).toEqual({ record: RECORD, cut: [] });
  });

  it("removes control characters but keeps line breaks", () => {
    const { record, cut } = boundRecord({
      ...RECORD,
      title: "Null\u0000 bell\u0007 esc\u001b del\u007f c1\u0085 \uFFFE end",
      abstract: "One\tline\r\ntwo\u0000",
      authors: ["Ada\u0000 Lovelace"],
    });
    expect(record.title).toBe("Null bell esc del c1  end");
    expect(record.abstract).toBe("One\tline\r\ntwo");
    expect(record.authors).toEqual(["Ada Lovelace"]);
    expect(cut).toEqual([]);
  });

  it("cuts long fields and long author lists to their limits and names what it cut", () => {
    const { record, cut } = boundRecord({
      ...RECORD,
      abstract: "x".repeat(400_000),
      authors: Array.from({ length: 2_000 }, (_, i) => `Author ${i}`),
      comment: "c".repeat(5_000),
    });
    expect(record.abstract.length).toBe(RECORD_LIMITS.abstract);
    expect(record.authors.length).toBe(RECORD_LIMITS.authors);
    expect(record.authors.at(-1)).toBe(`Author ${RECORD_LIMITS.authors - 1}`);
    expect(record.comment?.length).toBe(RECORD_LIMITS.comment);
    expect(cut).toEqual(["authors", "abstract", "comment"]);
  });
});
