import { describe, expect, it } from "vitest";
import { cleanHandle, neutralHandle } from "./handle.js";

const refusal = (text: string) => {
  try {
    cleanHandle(text);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
};

describe("handles", () => {
  it("gives new accounts a random handle that says nothing about them", () => {
    const handles = Array.from({ length: 50 }, neutralHandle);
    for (const handle of handles) expect(handle).toMatch(/^reader-[0-9a-f]{8}$/);
    expect(new Set(handles).size).toBe(50);
  });
  it("folds a chosen handle to lower case and drops a leading @", () => {
    expect(cleanHandle("  @Ada.Lovelace ")).toBe("ada.lovelace");
    expect(cleanHandle("x_9-a")).toBe("x_9-a");
  });
  it("refuses handles of the wrong length or shape, saying why", () => {
    expect(refusal("ab")).toMatch(/3 to 30 characters/);
    expect(refusal("a".repeat(31))).toMatch(/3 to 30 characters/);
    expect(refusal("ada lovelace")).toMatch(/only letters a-z, digits/);
    expect(refusal("-ada")).toMatch(/starts and ends/);
    expect(refusal("ada.")).toMatch(/starts and ends/);
    expect(refusal("ädä")).toMatch(/only letters a-z/);
    expect(refusal("a..b")).toMatch(/in a row/);
  });
  it("refuses reserved words and the prefixes kept for new and deleted accounts", () => {
    for (const word of ["admin", "API", "settings", "deleted", "paperboy", "deleted-12", "reader-00ff00ff"])
      expect(refusal(word), word).toMatch(/reserved/);
    expect(refusal("readers")).toBeNull();
  });
});
