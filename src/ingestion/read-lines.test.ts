import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readLines } from "./read-lines.js";

const linesOf = async (chunks: string[]) => {
  const lines = [];
  for await (const line of readLines(Readable.from(chunks.map((chunk) => Buffer.from(chunk)))))
    lines.push(line);
  return lines;
};

describe("readLines", () => {
  it("joins lines across chunks, numbers them from 1 and skips blank ones", async () => {
    expect(await linesOf(["ab", "c\nde", "f\n\n", "  \ng"])).toEqual([
      { number: 1, text: "abc" },
      { number: 2, text: "def" },
      { number: 5, text: "g" },
    ]);
  });

  it("drops a byte-order mark before the first line", async () => {
    expect(await linesOf(['\uFEFF{"id": 1}\n', "\uFEFFkept"])).toEqual([
      { number: 1, text: '{"id": 1}' },
      { number: 2, text: "\uFEFFkept" },
    ]);
  });

  it("reads a line longer than many chunks whole", async () => {
    const chunks = Array.from({ length: 500 }, (_, i) => String(i % 10).repeat(1000));
    const [line, next] = await linesOf([...chunks, "\nend"]);
    expect(line?.text).toHaveLength(500_000);
    expect(line?.text.slice(0, 3)).toBe("000");
    expect(next).toEqual({ number: 2, text: "end" });
  });
});
