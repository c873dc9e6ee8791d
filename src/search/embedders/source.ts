import type { Embedder } from "./embedder.js";

/** Hands out the embedder in use; a trainable one may not exist yet (too few papers) or be retrained. */
export interface EmbedderSource {
  current(): Promise<Embedder | null>;
  /** The embedder as stored now: another process may have retrained it since `current` was first asked. */
  latest(): Promise<Embedder | null>;
  /**
   * A retrained built-in embedder, stored as the candidate beside the one in use (or the candidate an unfinished
   * retrain left); a fixed one (http, onnx) answers with itself.
   */
  candidate(): Promise<Embedder | null>;
  /** Makes the candidate the embedder in use, for every process sharing the database. */
  promote(candidate: Embedder): Promise<void>;
}

const nothingToPromote = async () => undefined;

/** A source for embedders that need no training. */
export function fixedSource(embedder: Embedder): EmbedderSource {
  const current = async () => embedder;
  return { current, latest: current, candidate: current, promote: nothingToPromote };
}

/** A source for an embedder that needs no training but takes a while to load: loaded once, on first use. */
export function loadedOnce(load: () => Promise<Embedder>): EmbedderSource {
  let loading: Promise<Embedder> | null = null;
  const current = () => {
    loading ??= load();
    return loading;
  };
  return { current, latest: current, candidate: current, promote: nothingToPromote };
}
