import { Deflate, Z_SYNC_FLUSH } from "pako";

/**
 * Text many answers share, compressed once for its place in a page: raw DEFLATE blocks that end on a byte
 * boundary (a sync flush), so that the next piece can follow it in the same stream.
 */
export interface SharedPiece {
  readonly raw: Buffer;
  readonly deflated: Buffer;
}

/** A page as shared pieces and, between them, a few bytes of the reader's own (tokens, names). */
export type Pieces = readonly (SharedPiece | Buffer)[];

/** How far back DEFLATE may refer: compressed text depends on at most this much of what precedes it. */
export const WINDOW_BYTES = 32 * 1024;

/**
 * Compresses a run of texts as one DEFLATE stream, cut after each text. A number stands for that many bytes of
 * the reader's own: the compressor sees zeros there, which HTML never holds, so no later text refers to them
 * and any bytes may go in their place. `dictionary` is what precedes the run in the page, likewise. (pako:
 * Node's zlib flushes a stream only asynchronously, one round trip to its thread pool per cut.)
 */
export function compressRun(run: readonly (Buffer | number)[], dictionary?: Buffer): (SharedPiece | null)[] {
  const deflate = new Deflate({ level: 6, raw: true, ...(dictionary?.length ? { dictionary } : {}) });
  const chunks: Uint8Array[] = [];
  deflate.onData = (chunk) => chunks.push(chunk);
  return run.map((text) => {
    deflate.push(typeof text === "number" ? new Uint8Array(text) : text, Z_SYNC_FLUSH);
    const deflated = Buffer.concat(chunks.splice(0));
    return typeof text === "number" ? null : { raw: text, deflated };
  });
}

const STORED_MAX = 0xffff;

/** Own bytes as stored (uncompressed) DEFLATE blocks: they are few, and a secret in them leaks no length. */
export function storedBlocks(bytes: Buffer): Buffer[] {
  const blocks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += STORED_MAX) {
    const chunk = bytes.subarray(at, at + STORED_MAX);
    const header = Buffer.alloc(5);
    header.writeUInt16LE(chunk.length, 1);
    header.writeUInt16LE(~chunk.length & 0xffff, 3);
    blocks.push(header, chunk);
  }
  return blocks;
}

export function rawBytes(pieces: Pieces): Buffer {
  return Buffer.concat(pieces.map((piece) => (Buffer.isBuffer(piece) ? piece : piece.raw)));
}
