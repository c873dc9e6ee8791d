/**
 * The vector index's paper ids, numbered by key in the order they came, outside the JavaScript heap: their
 * bytes end to end (each followed by a newline, the layout of a snapshot's ids.txt), where each ends, and an
 * open-addressing hash from id to key, all in typed arrays. At 3,000,000 papers the ids as strings and a Map
 * from them to keys made up most of a 305 MB heap, and every full collection had to mark them all: 150-195 ms
 * a time (docs/performance.md). Ids are never removed: a paper added again keeps its key.
 */
export class IdTable {
  private bytes: Buffer;
  private used = 0;
  /** Per key: the offset of the newline that ends its id. */
  private ends: Uint32Array;
  private count = 0;
  /** Open addressing, linear probing: key + 1 per slot, 0 for an empty one. */
  private slots: Int32Array;
  private scratch = Buffer.alloc(256);

  private constructor(bytes: Buffer, used: number, ends: Uint32Array, count: number) {
    this.bytes = bytes;
    this.used = used;
    this.ends = ends;
    this.count = count;
    this.slots = new Int32Array(capacityFor(count));
    for (let key = 0; key < count; key += 1) this.place(key);
  }

  static empty(): IdTable {
    return new IdTable(Buffer.alloc(4096), 0, new Uint32Array(1024), 0);
  }

  /** A table from ids one per line (ids.txt), in key order; a last line without its newline counts too. */
  static fromLines(text: Buffer): IdTable {
    const bytes =
      text.length === 0 || text[text.length - 1] === NEWLINE ? text : Buffer.concat([text, LINE_END]);
    const ends: number[] = [];
    for (let at = bytes.indexOf(NEWLINE); at !== -1; at = bytes.indexOf(NEWLINE, at + 1)) ends.push(at);
    const table = new IdTable(bytes, bytes.length, Uint32Array.from(ends), ends.length);
    for (let key = 0; key < table.count; key += 1)
      if (table.start(key) === table.end(key)) throw new Error(`line ${key + 1} of the ids is empty`);
    return table;
  }

  get size(): number {
    return this.count;
  }

  /** The key of an id, or -1 when the table does not hold it. */
  key(id: string): number {
    return this.find(this.encode(id));
  }

  /** The key of an id, given the next key when it is new. */
  add(id: string): number {
    const length = this.encode(id);
    const known = this.find(length);
    if (known !== -1) return known;
    if (id === "" || id.includes("\n"))
      throw new Error(`a paper id cannot be empty or hold a newline: ${JSON.stringify(id)}`);
    if (this.used + length + 1 > this.bytes.length) this.bytes = grown(this.bytes, this.used + length + 1);
    this.scratch.copy(this.bytes, this.used, 0, length);
    this.used += length;
    this.bytes[this.used] = NEWLINE;
    if (this.count === this.ends.length) {
      const ends = new Uint32Array(Math.max(1024, this.count * 2));
      ends.set(this.ends);
      this.ends = ends;
    }
    this.ends[this.count] = this.used;
    this.used += 1;
    const key = this.count;
    this.count += 1;
    if (this.count * 2 > this.slots.length) {
      this.slots = new Int32Array(capacityFor(this.count));
      for (let k = 0; k < this.count; k += 1) this.place(k);
    } else this.place(key);
    return key;
  }

  /** The key of the id whose `length` bytes are in scratch, or -1. */
  private find(length: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash(this.scratch, 0, length) & mask; ; slot = (slot + 1) & mask) {
      const held = (this.slots[slot] ?? 0) - 1;
      if (held < 0) return -1;
      const start = this.start(held);
      if (
        this.end(held) - start === length &&
        this.scratch.compare(this.bytes, start, start + length, 0, length) === 0
      )
        return held;
    }
  }

  /** The id of a key (a string made on each call: callers ask for a search's few results). */
  id(key: number): string | undefined {
    if (key < 0 || key >= this.count) return undefined;
    return this.bytes.toString("utf8", this.start(key), this.end(key));
  }

  /** Every id one per line, in key order: a snapshot's ids.txt. */
  lines(): Buffer {
    return Buffer.from(this.bytes.subarray(0, this.used));
  }

  private start(key: number): number {
    return key === 0 ? 0 : (this.ends[key - 1] ?? 0) + 1;
  }

  private end(key: number): number {
    return this.ends[key] ?? 0;
  }

  private place(key: number): void {
    const mask = this.slots.length - 1;
    let slot = hash(this.bytes, this.start(key), this.end(key)) & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = key + 1;
  }

  /** The id's bytes into scratch; returns how many. */
  private encode(id: string): number {
    if (id.length * 3 > this.scratch.length) this.scratch = Buffer.alloc(id.length * 3);
    return this.scratch.write(id, "utf8");
  }
}

const NEWLINE = 0x0a;
const LINE_END = Buffer.from("\n");

/** A power of two at least twice `count` (and 1,024). */
function capacityFor(count: number): number {
  let capacity = 1024;
  while (capacity < count * 2) capacity *= 2;
  return capacity;
}

function grown(bytes: Buffer, needed: number): Buffer {
  const to = Buffer.alloc(Math.max(needed, bytes.length * 2));
  bytes.copy(to);
  return to;
}

/** FNV-1a over bytes [from, to). */
function hash(bytes: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i += 1) h = Math.imul(h ^ (bytes[i] ?? 0), 0x01000193);
  return h >>> 0;
}
