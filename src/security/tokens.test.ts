import { describe, expect, it } from "vitest";
import { signToken, verifyToken } from "./tokens.js";

const SECRET = "a-secret-key-of-more-than-thirty-two-chars";
const NOW = new Date("2026-07-01T12:00:00Z");
const claims = {
  purpose: "sign-in",
  subject: "ada@example.org",
  expires: NOW.getTime() / 1000 + 900,
  nonce: "n1",
};

describe("signed tokens", () => {
  it("round-trips its claims", () => {
    expect(verifyToken(SECRET, signToken(SECRET, claims), "sign-in", NOW)).toEqual(claims);
  });

  it("refuses a forged or altered token", () => {
    const token = signToken(SECRET, claims);
    const [payload, signature] = token.split(".");
    const altered = Buffer.from(
      JSON.stringify({ p: "sign-in", s: "eve@example.org", e: claims.expires }),
    ).toString("base64url");
    expect(() => verifyToken(SECRET, `${altered}.${signature}`, "sign-in", NOW)).toThrow(/not valid/);
    expect(() => verifyToken("another-secret-key-of-thirty-two-chars!!", token, "sign-in", NOW)).toThrow(
      /not valid/,
    );
    expect(() => verifyToken(SECRET, `${payload}`, "sign-in", NOW)).toThrow(/malformed/);
    expect(() => verifyToken(SECRET, "", "sign-in", NOW)).toThrow(/malformed/);
  });

  it("refuses a token minted for another purpose", () => {
    expect(() => verifyToken(SECRET, signToken(SECRET, claims), "unsubscribe", NOW)).toThrow(/not meant/);
  });

  it("refuses an expired token", () => {
    const later = new Date(NOW.getTime() + 901_000);
    expect(() => verifyToken(SECRET, signToken(SECRET, claims), "sign-in", later)).toThrow(/expired/);
  });
});
