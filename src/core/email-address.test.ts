import { describe, expect, it } from "vitest";
import { normaliseEmail, requireEmail } from "./email-address.js";

describe("the email address check", () => {
  it("accepts plain addresses, lower-cased and trimmed", () => {
    for (const [text, email] of [
      [" Ada.Lovelace+papers@Example.ORG ", "ada.lovelace+papers@example.org"],
      ["o'brien@mail.example.co.uk", "o'brien@mail.example.co.uk"],
      ["josé@exämple.org", "josé@exämple.org"],
    ]) {
      expect(normaliseEmail(text ?? "")).toBe(email);
    }
  });

  it("refuses groups, routes, quoting, brackets and control characters", () => {
    for (const text of [
      "grp:victim@example.test",
      "grp:victim@example.test;",
      "@route:victim@example.test",
      '"a b"@example.test',
      "a@[127.0.0.1]",
      "back\\slash@example.test",
      "tab\there@example.test",
      "nul\u0000@example.test",
      "a@b@example.test",
      "Ada <ada@example.test>",
      "ada@example.test, eve@example.test",
      "ada@example",
      "ada@example..org",
      "eve@.example.com",
      "eve@example.com.",
      "hank@exa\\mple.com",
      "ada@-example.org",
      ".ada@example.org",
      "ada.@example.org",
      "ada..b@example.org",
      `${"a".repeat(65)}@example.org`,
      `ada@${"a".repeat(250)}.org`,
    ]) {
      expect(normaliseEmail(text), text).toBeNull();
    }
    expect(() => requireEmail("grp:victim@example.test")).toThrow(/not an email address/);
  });
});
