import { describe, expect, it } from "vitest";
import { handleFromEmail, hasRole } from "./account.js";

describe("accounts", () => {
  it("orders roles so that each includes the ones below", () => {
    expect(hasRole({ role: "admin" }, "curator")).toBe(true);
    expect(hasRole({ role: "curator" }, "member")).toBe(true);
    expect(hasRole({ role: "member" }, "curator")).toBe(false);
  });
  it("derives a handle from the local part", () => {
    expect(handleFromEmail("Ada.Lovelace+papers@example.org")).toBe("ada.lovelace-papers");
    expect(handleFromEmail("_@example.org")).toBe("member");
  });
});
