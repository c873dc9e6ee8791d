import { describe, expect, it } from "vitest";
import { splitAuthorList } from "./author-list.js";

describe("splitAuthorList", () => {
  it("splits on commas and a final and, keeping order", () => {
    expect(splitAuthorList("D.V. Shetty, S.J. Yennello, and G.A. Souliotis")).toEqual([
      "D.V. Shetty",
      "S.J. Yennello",
      "G.A. Souliotis",
    ]);
    expect(splitAuthorList("N.C. Summers and F.M. Nunes")).toEqual(["N.C. Summers", "F.M. Nunes"]);
  });

  it("drops affiliations in parentheses, even ones holding commas or and", () => {
    expect(
      splitAuthorList("A. Alexander (Univ. of X, Y and Z), B. Brandt (for the ATLAS\n  Collaboration)"),
    ).toEqual(["A. Alexander", "B. Brandt"]);
  });

  it("keeps names that merely contain the letters a-n-d", () => {
    expect(splitAuthorList("Sandra Anderson, Andy Candela")).toEqual(["Sandra Anderson", "Andy Candela"]);
  });
});
