import { describe, expect, it } from "vitest";
import { monthOf, parseMonth, parseWeek, periodHolding, weekOf } from "./periods.js";

describe("periods", () => {
  it("finds ISO weeks, including those that straddle a year", () => {
    expect(weekOf("2026-06-30")).toMatchObject({ key: "2026-W27", first: "2026-06-29", last: "2026-07-05" });
    expect(weekOf("2021-01-03")).toMatchObject({ key: "2020-W53" });
    expect(weekOf("2024-12-30")).toMatchObject({ key: "2025-W01", first: "2024-12-30" });
    expect(parseWeek("2026-W01")).toMatchObject({ first: "2025-12-29", last: "2026-01-04" });
  });

  it("rejects weeks and months that do not exist", () => {
    expect(() => parseWeek("2026-W54")).toThrow(/no week/);
    expect(() => parseWeek("2026-W00")).toThrow(/no week/);
    expect(() => parseWeek("2026W01")).toThrow(/YYYY-Www/);
    expect(() => parseMonth("2026-13")).toThrow(/YYYY-MM/);
  });

  it("knows month lengths", () => {
    expect(parseMonth("2024-02")).toMatchObject({ first: "2024-02-01", last: "2024-02-29" });
    expect(monthOf("2026-12-31")).toMatchObject({ key: "2026-12", last: "2026-12-31" });
  });

  it("finds the period of a kind that holds a day", () => {
    expect(periodHolding(parseMonth("2026-12"), "2027-01-31").key).toBe("2027-01");
    expect(periodHolding(parseWeek("2026-W01"), "2025-12-28").key).toBe("2025-W52");
    expect(periodHolding({ kind: "day" }, "2026-06-30")).toMatchObject({
      first: "2026-06-30",
      last: "2026-06-30",
    });
  });
});
