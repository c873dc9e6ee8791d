import { describe, expect, it } from "vitest";
import { hasRole } from "./account.js";

describe("accounts", () => {
  it("orders roles so that each includes the ones below", () => {
    expect(hasRole({ role: "admin" }, "curator")).toBe(true);
    expect(hasRole({ role: "curator" }, "member")).toBe(true);
    expect(hasRole({ role: "member" }, "curator")).toBe(false);
  });
});
