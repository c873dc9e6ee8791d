import type { Embedder } from "./embedder.js";

/** Hands out the embedder in use; a trainable one may not exist yet (too few papers) or be retrained. */
export interface EmbedderSource {
  current(): Promise<Embedder | null>;
  /** The embedder as stored now: another process may have retrained it since `current` was first asked. */
  latest(): Promise<Embedder | null>;
  /** Retrains a built-in embedder; a fixed one (http, onnx) answers with itself. */
  rebuild(): Promise<Embedder | null>;
}

/** A source for embedders that need no training. */
export function fixedSource(embedder: Embedder): EmbedderSource {
  return { current: async () => embedder, latest: async () => embedder, rebuild: async () => embedder };
}

/** A source for an embedder that needs no training but takes a while to load: loaded once, on first use. */
export function loadedOnce(load: () => Promise<Embedder>): EmbedderSource {
  let loading: Promise<Embedder> | null = null;
  const current = () => {
    loading ??= load();
    return loading;
  };
  return { current, latest: current, rebuild: current };
}
