import { describe, expect, it } from "vitest";
import { authorIndexKey, authorKey, foldAuthorName, sameAuthor } from "./author-name.js";

const same = (a: string, b: string) => sameAuthor(foldAuthorName(a), foldAuthorName(b));

describe("author names", () => {
  it("folds accents, case, punctuation, particles and suffixes", () => {
    expect(authorKey("Jürgen Müller")).toBe("jurgen muller");
    expect(authorKey("JÜRGEN MULLER")).toBe("jurgen muller");
    expect(authorKey("Yann Le Cun")).toBe("yann lecun");
    expect(authorKey("Yann LeCun")).toBe("yann lecun");
    expect(authorKey("Ludwig van der Berg Jr.")).toBe("ludwig vanderberg");
    expect(authorKey("O'Brien, Seán")).toBe("sean obrien");
    expect(authorKey("Łukasz Kaiser")).toBe("lukasz kaiser");
    expect(authorKey("J.-P. Serre")).toBe("j p serre");
    expect(authorKey("Van Morrison")).toBe("van morrison");
    expect(authorKey(authorKey("Jean-Pierre Serre"))).toBe(authorKey("Jean-Pierre Serre"));
  });

  it("lets an initial meet a full first name, but never two different first names", () => {
    expect(same("Y. LeCun", "Yann LeCun")).toBe(true);
    expect(same("Yann LeCun", "Yann A. LeCun")).toBe(true);
    expect(same("J.-P. Serre", "Jean-Pierre Serre")).toBe(true);
    expect(same("Yann LeCun", "Yves LeCun")).toBe(false);
    expect(same("Yi Wang", "Yu Wang")).toBe(false);
    expect(same("Yi Wang", "Yi Zhang")).toBe(false);
    expect(same("Beethoven", "L. Beethoven")).toBe(false);
  });

  it("indexes by surname and first initial", () => {
    expect(authorIndexKey("Yann LeCun")).toBe("lecun y");
    expect(authorIndexKey("Y. Le Cun")).toBe("lecun y");
    expect(authorIndexKey("Beethoven")).toBe("beethoven");
  });
});
