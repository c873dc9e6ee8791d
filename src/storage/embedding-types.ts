/** Stored vectors and whose they are: shared by the embeddings repository and its pgvector half. */

export interface StoredVector {
  readonly paperId: string;
  readonly vector: Float32Array;
}

export interface RevisedVector extends StoredVector {
  readonly revision: number;
}

export interface EmbedderIdentity {
  readonly name: string;
  readonly version: string;
}

export interface PaperText {
  readonly id: string;
  readonly title: string;
  readonly abstract: string;
}
