import { describe, expect, it } from "vitest";
import { parseArxivId, tryParseArxivId } from "./arxiv-id.js";

describe("parseArxivId", () => {
  it.each([
    ["2409.13598", "2409.13598", null],
    ["2409.13598v2", "2409.13598", 2],
    ["0704.0001", "0704.0001", null],
    ["1412.9999v12", "1412.9999", 12],
    ["arXiv:2409.13598", "2409.13598", null],
    ["hep-th/9901001", "hep-th/9901001", null],
    ["math.GT/0309136v2", "math/0309136", 2],
    ["cond-mat/0011267", "cond-mat/0011267", null],
    ["https://arxiv.org/abs/2409.13598", "2409.13598", null],
    ["http://www.arxiv.org/abs/2409.13598v3", "2409.13598", 3],
    ["https://arxiv.org/pdf/2409.13598v1.pdf", "2409.13598", 1],
    ["https://arxiv.org/pdf/2409.13598", "2409.13598", null],
    ["arxiv.org/abs/hep-th/9901001", "hep-th/9901001", null],
    ["https://export.arxiv.org/abs/2409.13598?context=cs", "2409.13598", null],
    ["https://huggingface.co/papers/2409.13598", "2409.13598", null],
    ["hf.co/papers/2409.13598#community", "2409.13598", null],
    ["  2409.13598  ", "2409.13598", null],
  ])("reads %s", (input, id, version) => {
    expect(parseArxivId(input)).toEqual({ id, version });
  });

  it.each([
    ["", /empty/],
    ["hello", /not an arXiv id/],
    ["2413.00001", /month 13/],
    ["0703.0001", /predates/],
    ["2409.1359", /5 digits/],
    ["1401.12345", /4 digits/],
    ["https://example.com/abs/2409.13598", /not an arXiv id/],
    ["<script>alert(1)</script>", /not an arXiv id/],
    ["hep-th/99010011", /not an arXiv id/],
  ])("rejects %j with the reason", (input, reason) => {
    expect(() => parseArxivId(input)).toThrow(reason);
    expect(tryParseArxivId(input)).toBeNull();
  });
});
