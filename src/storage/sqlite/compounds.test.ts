import { describe, expect, it } from "vitest";
import { indexedText, joinedCompounds, joinedWord } from "./compounds.js";

describe("joinedCompounds", () => {
  it("joins each hyphenated run, and each shorter run inside it", () => {
    expect(joinedCompounds("In-Context learning for Vision-Language-Action models")).toBe(
      "InContext VisionLanguage VisionLanguageAction LanguageAction",
    );
    expect(joinedCompounds("GPT-4 and IL-6, Navier–Stokes")).toBe("GPT4 IL6 NavierStokes");
  });

  it("adds nothing for text without compounds, nor for a lone or doubled hyphen", () => {
    expect(joinedCompounds("plain words - and -- dashes, co- and -ed")).toBe("");
    expect(indexedText("plain words")).toBe("plain words");
    expect(indexedText(null)).toBe("");
  });

  it("joins at most the first five parts of a long run", () => {
    const joined = joinedCompounds("a-b-c-d-e-f-g").split(" ");
    expect(joined).toContain("abcde");
    expect(joined).not.toContain("abcdef");
    expect(joinedWord("a-b-c-d-e-f")).toBeNull();
  });
});

describe("joinedWord", () => {
  it("is the one word a hyphenated query word is searched as, null for anything else", () => {
    expect(joinedWord("Pre-training")).toBe("Pretraining");
    expect(joinedWord(" state-of-the-art ")).toBe("stateoftheart");
    expect(joinedWord("in context")).toBeNull();
    expect(joinedWord("in-context learning")).toBeNull();
    expect(joinedWord("plain")).toBeNull();
  });
});
