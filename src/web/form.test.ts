import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseForm, parseOrExplain } from "./form.js";

const schema = z.object({
  q: z.string().max(5),
  page: z.coerce.number().int().min(1),
  limit: z.coerce.number({ error: "limit must be a whole number" }).optional(),
});

const problem = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  return "no problem";
};

describe("form and query errors", () => {
  it("names the field and says what is wrong in words", () => {
    expect(problem(() => parseForm(schema, { q: ["a", "b"], page: "1" }))).toBe(
      "q: was given more than once",
    );
    expect(problem(() => parseForm(schema, { page: "1" }))).toBe("q: is required");
    expect(problem(() => parseForm(schema, { q: "a", page: "x" }))).toBe("page: must be a number");
    expect(problem(() => parseOrExplain(schema, { q: 3, page: "1" }, "query"))).toBe("query q: must be text");
  });

  it("keeps a schema's own messages and zod's bounds", () => {
    expect(problem(() => parseForm(schema, { q: "a", page: "1", limit: "x" }))).toBe(
      "limit: limit must be a whole number",
    );
    expect(problem(() => parseForm(schema, { q: "abcdefg", page: "1" }))).toMatch(/^q: Too big/);
    expect(parseForm(schema, { q: "a", page: "2" })).toEqual({ q: "a", page: 2 });
  });
});
