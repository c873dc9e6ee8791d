import { HoledCrc } from "./crc-holes.js";
import { type SharedPiece, storedBlocks } from "./gzip-pieces.js";

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
// The last block: BFINAL set, fixed Huffman codes, nothing but the end-of-block code.
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

/** What goes in an answer: shared compressed text, the reader's own bytes, or the request's CSRF token. */
export type AnswerPart = SharedPiece | Buffer | "token";

/**
 * One reader's gzip answer, whole but for the CSRF token: each request copies it, writes its token into the
 * stored blocks kept for it, and puts the checksum for that token in the trailer, without reading the page.
 */
export class PreparedAnswer {
  private readonly body: Buffer;
  private readonly holes: number[] = [];
  private readonly crc: HoledCrc;

  constructor(
    parts: readonly AnswerPart[],
    private readonly tokenLength: number,
  ) {
    const body: Buffer[] = [GZIP_HEADER];
    let bodyLength = GZIP_HEADER.length;
    const raw: Buffer[] = [];
    const rawHoles: number[] = [];
    let rawLength = 0;
    const add = (compressed: readonly Buffer[], text: Buffer) => {
      body.push(...compressed);
      bodyLength += compressed.reduce((sum, part) => sum + part.length, 0);
      raw.push(text);
      rawLength += text.length;
    };
    for (const part of parts) {
      if (part === "token") {
        this.holes.push(bodyLength + 5);
        rawHoles.push(rawLength);
        add(storedBlocks(Buffer.alloc(tokenLength)), Buffer.alloc(tokenLength));
      } else if (Buffer.isBuffer(part)) add(storedBlocks(part), part);
      else add([part.deflated], part.raw);
    }
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(rawLength >>> 0, 4);
    this.body = Buffer.concat([...body, FINAL_BLOCK, trailer]);
    this.crc = new HoledCrc(Buffer.concat(raw), rawHoles, tokenLength);
  }

  get bytes(): number {
    return this.body.length;
  }

  /** The answer with this token; null for a token of another length, which the holes cannot hold. */
  with(token: Buffer): Buffer | null {
    if (token.length !== this.tokenLength) return null;
    const answer = Buffer.from(this.body);
    for (const hole of this.holes) token.copy(answer, hole);
    answer.writeUInt32LE(this.crc.with(token), answer.length - 8);
    return answer;
  }
}
