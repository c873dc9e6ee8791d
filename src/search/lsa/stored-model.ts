/** What a trained model is stored as: a JSON header and the projection's bytes. */
export interface StoredModel {
  readonly version: string;
  readonly header: string;
  readonly data: Uint8Array;
}
