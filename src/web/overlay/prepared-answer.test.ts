import { randomBytes } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { compressRun } from "./gzip-pieces.js";
import { type AnswerPart, PreparedAnswer } from "./prepared-answer.js";

const TOKEN = 52;
const html = (n: number) =>
  Buffer.from(`<li><a href="/papers/${n}">Paper ${n}</a> <form>`.repeat(1 + (n % 7)));

describe("a prepared gzip answer", () => {
  it("is the page with each request's token, checksum included, whatever the holes and the reader's bytes", () => {
    for (let trial = 0; trial < 20; trial += 1) {
      const run: (Buffer | number)[] = [];
      for (let n = 0; n < 40; n += 1) run.push(trial % 2 && n % 5 === 0 ? TOKEN : html(n * (trial + 1)));
      const pieces = compressRun(run);
      const own = Buffer.from(`<a href="/settings">reader-${trial}</a>`);
      const parts: AnswerPart[] = [own, ...pieces.map((piece) => piece ?? ("token" as const)), "token"];
      const answer = new PreparedAnswer(parts, TOKEN);
      for (let request = 0; request < 3; request += 1) {
        const token = Buffer.from(randomBytes(39).toString("base64url"));
        const expected = Buffer.concat([
          own,
          ...run.map((text) => (typeof text === "number" ? token : text)),
          token,
        ]);
        // gunzip checks the CRC-32 and the length in the trailer.
        expect(gunzipSync(answer.with(token) ?? Buffer.alloc(0)).equals(expected)).toBe(true);
      }
    }
  });

  it("refuses a token of another length, which would move what the compressed text refers to", () => {
    const answer = new PreparedAnswer(
      [...compressRun([html(1)]).map((p) => p ?? Buffer.alloc(0)), "token"],
      TOKEN,
    );
    expect(answer.with(Buffer.alloc(TOKEN + 1, 65))).toBeNull();
  });

  it("compresses text that follows a token against what precedes the token", () => {
    const text = html(3);
    const [, , again] = compressRun([text, TOKEN, text]);
    expect(again?.deflated.length).toBeLessThan(text.length / 4);
  });
});
