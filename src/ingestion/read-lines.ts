import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";

const GZIP_MAGIC = [0x1f, 0x8b];

export interface Line {
  readonly number: number;
  readonly text: string;
}

/** Opens a file (or `-` for standard input), unzipping it when its first bytes say gzip, whatever its name. */
export async function openInput(path: string): Promise<Readable> {
  const raw: Readable = path === "-" ? process.stdin : createReadStream(path);
  const first = await peek(raw);
  const isGzip = first.length >= 2 && first[0] === GZIP_MAGIC[0] && first[1] === GZIP_MAGIC[1];
  if (first.length > 0) raw.unshift(first);
  if (!isGzip) return raw;
  const gunzip = createGunzip();
  raw.on("error", (error) => gunzip.destroy(error));
  return raw.pipe(gunzip);
}

function peek(stream: Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const onReadable = () => {
      cleanup();
      resolve((stream.read() as Buffer | null) ?? Buffer.alloc(0));
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.alloc(0));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      stream.off("readable", onReadable);
      stream.off("end", onEnd);
      stream.off("error", onError);
    };
    stream.once("readable", onReadable);
    stream.once("end", onEnd);
    stream.once("error", onError);
  });
}

/**
 * Yields the non-blank lines of a byte stream with their 1-based line numbers. A line's pieces are kept apart
 * until its end arrives, so a line spanning many chunks is joined once (searching a growing string again for
 * every chunk made a 50 MB line take minutes).
 */
export async function* readLines(stream: Readable): AsyncGenerator<Line> {
  let pieces: string[] = [];
  let number = 0;
  let first = true;
  stream.setEncoding("utf8");
  for await (const read of stream as AsyncIterable<string>) {
    // A byte-order mark (Windows editors write one) is not part of the first line.
    const chunk = first && read.startsWith("\uFEFF") ? read.slice(1) : read;
    first = false;
    let start = 0;
    let end = chunk.indexOf("\n");
    while (end !== -1) {
      number += 1;
      const tail = chunk.slice(start, end);
      const line = pieces.length === 0 ? tail : pieces.join("") + tail;
      pieces = [];
      if (line.trim() !== "") yield { number, text: line };
      start = end + 1;
      end = chunk.indexOf("\n", start);
    }
    if (start < chunk.length) pieces.push(chunk.slice(start));
  }
  const last = pieces.join("");
  if (last.trim() !== "") yield { number: number + 1, text: last };
}
