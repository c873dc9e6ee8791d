import { createHash } from "node:crypto";

/** A text's first 48 bits of MD5, as a number: collisions among millions of texts are vanishingly rare. */
function fingerprint(text: string): number {
  return createHash("md5").update(text).digest().readUIntBE(0, 6) + 1;
}

/**
 * The texts a corpus has used so far, kept as fingerprints in an open-addressing table (a plain Set of millions
 * of numbers would take several times the memory). A false "seen" only makes the generator draw again.
 */
export class SeenTexts {
  private slots = new Float64Array(1 << 16);
  private count = 0;

  /** Records the text; false when it (or a text with its fingerprint) was recorded before. */
  add(text: string): boolean {
    if (this.count * 2 >= this.slots.length) this.grow();
    return this.insert(this.slots, fingerprint(text.toLowerCase()));
  }

  private insert(slots: Float64Array, key: number): boolean {
    const mask = slots.length - 1;
    for (let i = key % slots.length; ; i = (i + 1) & mask) {
      if (slots[i] === key) return false;
      if (slots[i] === 0) {
        slots[i] = key;
        if (slots === this.slots) this.count += 1;
        return true;
      }
    }
  }

  private grow(): void {
    const bigger = new Float64Array(this.slots.length * 2);
    for (const key of this.slots) if (key !== 0) this.insert(bigger, key);
    this.slots = bigger;
  }
}
