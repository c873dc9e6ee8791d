import { type BulkEmbedding, type Embedder, type EmbeddingText, normalize } from "../embedders/embedder.js";
import { EmbedThread } from "./embed-thread.js";
import { type TermSum, termSum } from "./projection.js";
import type { StoredModel } from "./stored-model.js";
import { termCounts } from "./terms.js";

export type { StoredModel } from "./stored-model.js";

interface Header {
  readonly terms: readonly string[];
  readonly idf: readonly number[];
  readonly dimensions: number;
}

/**
 * A trained LSA model: a vocabulary with inverse document frequencies and the truncated SVD's term-to-topic
 * projection. Any text, seen in training or not, is folded in by projecting its TF-IDF vector.
 */
export class LsaModel implements Embedder {
  readonly name = "lsa";
  private readonly index: Map<string, number>;
  /** Made at the first text embedded: it copies the projection (30 MB at 30,000 terms). */
  private summer: TermSum | null = null;

  constructor(
    readonly version: string,
    private readonly terms: readonly string[],
    private readonly idf: Float32Array,
    /** (terms x dimensions) row-major. */
    private readonly projection: Float32Array,
    readonly dimensions: number,
  ) {
    this.index = new Map(terms.map((term, i) => [term, i]));
  }

  embedOne(text: EmbeddingText): Float32Array {
    this.summer ??= termSum(this.projection, this.dimensions);
    const summer = this.summer;
    summer.clear();
    for (const [term, count] of termCounts(text.title, text.body)) {
      const row = this.index.get(term);
      if (row !== undefined) summer.add(row, (1 + Math.log(count)) * (this.idf[row] ?? 0));
    }
    return normalize(summer.sum());
  }

  embed(texts: readonly EmbeddingText[]): Promise<Float32Array[]> {
    return Promise.resolve(texts.map((text) => this.embedOne(text)));
  }

  bulk(): BulkEmbedding | null {
    return EmbedThread.start(this.toStored(), this.dimensions);
  }

  toStored(): StoredModel {
    const header: Header = { terms: this.terms, idf: Array.from(this.idf), dimensions: this.dimensions };
    const data = new Uint8Array(
      this.projection.buffer,
      this.projection.byteOffset,
      this.projection.byteLength,
    );
    return { version: this.version, header: JSON.stringify(header), data };
  }

  static fromStored(stored: StoredModel): LsaModel {
    const header = JSON.parse(stored.header) as Header;
    const bytes = Uint8Array.from(stored.data);
    const projection = new Float32Array(bytes.buffer, 0, bytes.byteLength / 4);
    return new LsaModel(
      stored.version,
      header.terms,
      Float32Array.from(header.idf),
      projection,
      header.dimensions,
    );
  }
}
