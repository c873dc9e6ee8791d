/** The text of one paper (or one query: a title-less body) as embedders see it. */
export interface EmbeddingText {
  readonly title: string;
  readonly body: string;
}

/**
 * Turns texts into unit-length vectors. An embedder is identified by name and version; stored vectors carry
 * both, and vectors from another identity are never compared with its own.
 */
export interface Embedder {
  readonly name: string;
  readonly version: string;
  readonly dimensions: number;
  embed(texts: readonly EmbeddingText[]): Promise<Float32Array[]>;
  /**
   * For a long run of batches: the same embedding off this thread, so that it overlaps this thread's own work;
   * absent (or null) where `embed` already runs elsewhere (a server, ONNX Runtime's threads).
   */
  bulk?(): BulkEmbedding | null;
}

/** An embedder's off-thread copy for one bulk run; closed when the run ends. */
export interface BulkEmbedding {
  embed(texts: readonly EmbeddingText[]): Promise<Float32Array[]>;
  close(): Promise<void>;
}

/** Scales a vector to unit length in place (a zero vector stays zero). */
export function normalize(vector: Float32Array): Float32Array {
  let sum = 0;
  for (const x of vector) sum += x * x;
  if (sum === 0) return vector;
  const scale = 1 / Math.sqrt(sum);
  for (let i = 0; i < vector.length; i += 1) vector[i] = (vector[i] ?? 0) * scale;
  return vector;
}

/** Cosine similarity; 0 when either vector is zero. */
export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i += 1) {
    dot += (a[i] ?? 0) * (b[i] ?? 0);
    aa += (a[i] ?? 0) ** 2;
    bb += (b[i] ?? 0) ** 2;
  }
  return aa > 0 && bb > 0 ? dot / Math.sqrt(aa * bb) : 0;
}

/** A paper's text as one string, for embedders that take plain text (http, onnx). */
export function joinText(text: EmbeddingText): string {
  return text.title === "" ? text.body : `${text.title}\n\n${text.body}`;
}
