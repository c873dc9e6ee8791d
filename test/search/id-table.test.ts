import { describe, expect, it } from "vitest";
import { IdTable } from "../../src/search/id-table.js";

describe("IdTable", () => {
  it("numbers ids in the order they come, keeps a known id's key and reads every id back", () => {
    const table = IdTable.empty();
    // Enough ids to grow the bytes, the ends and the hash several times over.
    const ids = Array.from({ length: 5_000 }, (_, i) =>
      i % 3 === 0 ? `${2300 + (i % 12)}.${i}` : `math/07${i}v2`,
    );
    ids.push("Über-σ.1", "x");
    ids.forEach((id, i) => {
      expect(table.add(id)).toBe(i);
    });
    expect(table.size).toBe(ids.length);
    expect(table.add("2300.0")).toBe(0);
    expect(table.size).toBe(ids.length);
    ids.forEach((id, i) => {
      expect(table.key(id)).toBe(i);
      expect(table.id(i)).toBe(id);
    });
    expect(table.key("2300.")).toBe(-1);
    expect(table.key("x ")).toBe(-1);
    expect(table.id(ids.length)).toBeUndefined();
  });

  it("writes its ids one per line and is read back from them, an unterminated last line included", () => {
    const table = IdTable.empty();
    for (const id of ["2401.00001", "hep-th/9901001", "2401.00002"]) table.add(id);
    const lines = table.lines();
    expect(lines.toString()).toBe("2401.00001\nhep-th/9901001\n2401.00002\n");
    for (const text of [lines, Buffer.from("2401.00001\nhep-th/9901001\n2401.00002")]) {
      const back = IdTable.fromLines(text);
      expect(back.size).toBe(3);
      expect(back.key("hep-th/9901001")).toBe(1);
      expect(back.id(2)).toBe("2401.00002");
      expect(back.add("2401.00003")).toBe(3);
    }
    const none = IdTable.fromLines(Buffer.alloc(0));
    expect(none.size).toBe(0);
    expect(none.add("2401.00004")).toBe(0);
    expect(none.id(0)).toBe("2401.00004");
  });

  it("refuses an id it could not write back and ids with an empty line", () => {
    const table = IdTable.empty();
    expect(() => table.add("")).toThrow(/empty or hold a newline/);
    expect(() => table.add("a\nb")).toThrow(/empty or hold a newline/);
    expect(table.size).toBe(0);
    expect(() => IdTable.fromLines(Buffer.from("a\n\nb\n"))).toThrow(/line 2 of the ids is empty/);
  });
});
