import { closeSync, openSync, readSync, writeSync } from "node:fs";
import { List } from "./vector-lists.js";

const MAGIC = "paperboy-ivf-1";

/** What a saved inverted file holds: the partition's centres and lists, and the vectors added since. */
export interface IvfLayout {
  readonly dimensions: number;
  /** Keys in the id table: the file only belongs with ids of this many. */
  readonly keys: number;
  /** Vectors held when the index was last partitioned. */
  readonly partitionedAt: number;
  /** The centres end to end (null before the first partition). */
  readonly centres: Float32Array | null;
  readonly lists: readonly List[];
  /** The chunks of vectors added since the last partition. */
  readonly tail: readonly List[];
}

/**
 * Writes the layout: a 4-byte length and a JSON header (the sizes of every list), then the centres, then each
 * list's keys and 8-bit vectors, the lists first and the tail's chunks after.
 */
export function writeIvf(file: string, layout: IvfLayout): void {
  const lists = [...layout.lists, ...layout.tail];
  const header = JSON.stringify({
    magic: MAGIC,
    dimensions: layout.dimensions,
    keys: layout.keys,
    partitionedAt: layout.partitionedAt,
    centres: layout.lists.length,
    sizes: lists.map((list) => list.size),
  });
  const fd = openSync(file, "w");
  try {
    const head = Buffer.from(`${header}\n`);
    const length = Buffer.alloc(4);
    length.writeUInt32LE(head.length);
    writeSync(fd, length);
    writeSync(fd, head);
    if (layout.centres) writeSync(fd, bytes(layout.centres));
    for (const list of lists) {
      writeSync(fd, bytes(list.keys.subarray(0, list.size)));
      writeSync(fd, bytes(list.data.subarray(0, list.size * layout.dimensions)));
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a file written by writeIvf for an index of `dimensions` whose id table holds `keys` keys; the lists get
 * a quarter more room than they hold, the tail's chunks `chunk` vectors. Throws on a file of another kind,
 * another size or one cut short.
 */
export function readIvf(file: string, dimensions: number, keys: number, chunk: number): IvfLayout {
  const fd = openSync(file, "r");
  try {
    let at = 0;
    const fill = (target: ArrayBufferView) => {
      const view = bytes(target);
      let done = 0;
      while (done < view.length) {
        const got = readSync(fd, view, done, view.length - done, at);
        if (got === 0) throw new Error(`${file} is truncated`);
        done += got;
        at += got;
      }
    };
    const length = Buffer.alloc(4);
    fill(length);
    const head = Buffer.alloc(length.readUInt32LE());
    fill(head);
    const header = JSON.parse(head.toString("utf8")) as {
      magic: string;
      dimensions: number;
      keys: number;
      partitionedAt: number;
      centres: number;
      sizes: number[];
    };
    if (header.magic !== MAGIC) throw new Error(`${file} is not a vector index`);
    if (header.dimensions !== dimensions) throw new Error(`${file} holds vectors of another size`);
    if (header.keys !== keys) throw new Error(`${file} does not match its ids`);
    let centres: Float32Array | null = null;
    if (header.centres > 0) {
      centres = new Float32Array(header.centres * dimensions);
      fill(centres);
    }
    const lists: List[] = [];
    const tail: List[] = [];
    header.sizes.forEach((size, l) => {
      const partitioned = l < header.centres;
      const list = new List(dimensions, partitioned ? Math.ceil(size * 1.25) + 16 : chunk);
      fill(list.keys.subarray(0, size));
      fill(list.data.subarray(0, size * dimensions));
      list.size = size;
      (partitioned ? lists : tail).push(list);
    });
    return { dimensions, keys, partitionedAt: header.partitionedAt, centres, lists, tail };
  } finally {
    closeSync(fd);
  }
}

const bytes = (view: ArrayBufferView) => new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
