import { describe, expect, it } from "vitest";
import { handleFromEmail, hasRole, normaliseEmail } from "./account.js";

describe("accounts", () => {
  it("orders roles so that each includes the ones below", () => {
    expect(hasRole({ role: "admin" }, "curator")).toBe(true);
    expect(hasRole({ role: "curator" }, "member")).toBe(true);
    expect(hasRole({ role: "member" }, "curator")).toBe(false);
  });
  it("normalises addresses and refuses what is not one", () => {
    expect(normaliseEmail("  Ada@Example.ORG ")).toBe("ada@example.org");
    expect(normaliseEmail("ada")).toBeNull();
    expect(normaliseEmail("a b@example.org")).toBeNull();
    expect(normaliseEmail("<x>@example.org")).toBeNull();
  });
  it("derives a handle from the local part", () => {
    expect(handleFromEmail("Ada.Lovelace+papers@example.org")).toBe("ada.lovelace-papers");
    expect(handleFromEmail("_@example.org")).toBe("member");
  });
});
