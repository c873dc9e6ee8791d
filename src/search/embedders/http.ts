import { upstream } from "../../core/errors.js";
import { type Embedder, type EmbeddingText, joinText, normalize } from "./embedder.js";

export interface HttpEmbedderOptions {
  /** The server's base URL; `/v1/embeddings` is appended unless the URL already ends with it. */
  readonly url: string;
  readonly model: string;
  readonly batchSize?: number;
  readonly attempts?: number;
  /** First retry delay; it doubles on each further attempt. */
  readonly retryDelayMs?: number;
}

interface EmbeddingsResponse {
  readonly data?: readonly { readonly index?: number; readonly embedding?: readonly number[] }[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Any OpenAI-compatible embeddings server (Ollama, TEI, vLLM, llama.cpp): texts go in batches, failed or
 * overloaded requests are retried with backoff. The model name is the version: another model means new vectors.
 */
export class HttpEmbedder implements Embedder {
  readonly name = "http";
  readonly version: string;
  dimensions = 0;
  private readonly endpoint: string;

  constructor(private readonly options: HttpEmbedderOptions) {
    this.version = options.model;
    const base = options.url.replace(/\/+$/, "");
    this.endpoint = base.endsWith("/v1/embeddings") ? base : `${base}/v1/embeddings`;
  }

  async embed(texts: readonly EmbeddingText[]): Promise<Float32Array[]> {
    const size = this.options.batchSize ?? 64;
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += size)
      out.push(...(await this.batch(texts.slice(i, i + size).map(joinText))));
    return out;
  }

  private async batch(input: readonly string[]): Promise<Float32Array[]> {
    const attempts = this.options.attempts ?? 4;
    let failure = "no attempt made";
    for (let attempt = 0; attempt < attempts; attempt += 1) {
      if (attempt > 0) await sleep((this.options.retryDelayMs ?? 500) * 2 ** (attempt - 1));
      try {
        const response = await fetch(this.endpoint, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ model: this.options.model, input }),
          signal: AbortSignal.timeout(60_000),
        });
        if (response.ok) return this.vectors((await response.json()) as EmbeddingsResponse, input.length);
        failure = `HTTP ${response.status}`;
        if (response.status < 500 && response.status !== 429) break;
      } catch (error) {
        failure = error instanceof Error ? error.message : String(error);
      }
    }
    throw upstream(`embeddings server ${this.endpoint} failed: ${failure}`);
  }

  private vectors(body: EmbeddingsResponse, expected: number): Float32Array[] {
    const data = [...(body.data ?? [])].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
    if (data.length !== expected)
      throw upstream(`embeddings server returned ${data.length} of ${expected} vectors`);
    return data.map((item) => {
      const vector = Float32Array.from(item.embedding ?? []);
      if (this.dimensions === 0) this.dimensions = vector.length;
      if (vector.length !== this.dimensions || vector.length === 0) {
        throw upstream(
          `embeddings server returned a ${vector.length}-dimension vector, expected ${this.dimensions}`,
        );
      }
      return normalize(vector);
    });
  }
}
