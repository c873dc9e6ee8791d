import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { Tokenizer } from "@huggingface/tokenizers";
import { InferenceSession, Tensor } from "onnxruntime-node";
import { ConfigError } from "../../config.js";
import { type Embedder, type EmbeddingText, joinText, normalize } from "./embedder.js";
import { maxTokens, type OnnxModelFiles, readJson } from "./onnx-files.js";

/** Texts per inference run: padding grows with the longest text in a batch, so batches stay modest. */
const BATCH = 16;

/**
 * A sentence-transformer exported to ONNX, run in process by onnxruntime on the CPU: texts are tokenized by the
 * folder's tokenizer.json, and the model's token vectors are mean-pooled over the real (unpadded) tokens, as
 * sentence-transformers does, then scaled to unit length. The version is a digest of the model and tokenizer
 * files, so another model (or a retrained one) means new vectors.
 */
export class OnnxEmbedder implements Embedder {
  readonly name = "onnx";
  private constructor(
    readonly version: string,
    public dimensions: number,
    private readonly session: InferenceSession,
    private readonly tokenizer: Tokenizer,
    private readonly limit: number,
  ) {}

  static async load(files: OnnxModelFiles): Promise<OnnxEmbedder> {
    const digest = createHash("sha256").update(readFileSync(files.model));
    digest.update(readFileSync(files.tokenizer));
    const limit = maxTokens(files);
    const version = `${digest.digest("hex").slice(0, 16)}-${limit}`;
    const tokenizer = new Tokenizer(readJson(files.tokenizer), readJson(files.tokenizerConfig));
    const session = await InferenceSession.create(files.model, { executionProviders: ["cpu"] });
    for (const input of ["input_ids", "attention_mask"]) {
      if (!session.inputNames.includes(input))
        throw new ConfigError(`configuration: the ONNX model ${files.model} has no ${input} input`);
    }
    const embedder = new OnnxEmbedder(version, 0, session, tokenizer, limit);
    await embedder.embed([{ title: "", body: "dimensions" }]);
    return embedder;
  }

  async embed(texts: readonly EmbeddingText[]): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += BATCH) out.push(...(await this.batch(texts.slice(i, i + BATCH))));
    return out;
  }

  private async batch(texts: readonly EmbeddingText[]): Promise<Float32Array[]> {
    const encoded = texts.map((text) => this.encode(joinText(text)));
    const length = Math.max(1, ...encoded.map((ids) => ids.length));
    const shape = [encoded.length, length];
    const ids = new BigInt64Array(encoded.length * length);
    const mask = new BigInt64Array(encoded.length * length);
    encoded.forEach((row, r) => {
      row.forEach((id, c) => {
        ids[r * length + c] = BigInt(id);
        mask[r * length + c] = 1n;
      });
    });
    const feeds: Record<string, Tensor> = {
      input_ids: new Tensor("int64", ids, shape),
      attention_mask: new Tensor("int64", mask, shape),
    };
    if (this.session.inputNames.includes("token_type_ids"))
      feeds.token_type_ids = new Tensor("int64", new BigInt64Array(ids.length), shape);
    const result = await this.session.run(feeds);
    return this.pool(result, mask, encoded.length, length);
  }

  /** Token ids with the tokenizer's special tokens, cut to the model's limit (keeping the closing token). */
  private encode(text: string): number[] {
    const ids = this.tokenizer.encode(text).ids;
    if (ids.length <= this.limit) return ids;
    return [...ids.slice(0, this.limit - 1), ids[ids.length - 1] ?? 0];
  }

  private pool(result: InferenceSession.ReturnType, mask: BigInt64Array, rows: number, length: number) {
    const name = this.session.outputNames.includes("sentence_embedding")
      ? "sentence_embedding"
      : (this.session.outputNames[0] ?? "");
    const output = result[name];
    if (output?.type !== "float32" || output.dims.length < 2)
      throw new ConfigError(`configuration: the ONNX model's output ${name} is not float32 vectors`);
    const data = output.data as Float32Array;
    const dimensions = Number(output.dims.at(-1) ?? 0);
    this.dimensions ||= dimensions;
    const vectors = Array.from({ length: rows }, (_, r) =>
      output.dims.length === 2
        ? data.slice(r * dimensions, (r + 1) * dimensions)
        : meanPool(data, mask, r, length, dimensions),
    );
    return vectors.map(normalize);
  }
}

/** The mean of row r's token vectors over the tokens its attention mask marks as real. */
function meanPool(data: Float32Array, mask: BigInt64Array, r: number, length: number, dims: number) {
  const sum = new Float32Array(dims);
  let count = 0;
  for (let t = 0; t < length; t += 1) {
    if (mask[r * length + t] !== 1n) continue;
    count += 1;
    const base = (r * length + t) * dims;
    for (let d = 0; d < dims; d += 1) sum[d] = (sum[d] ?? 0) + (data[base + d] ?? 0);
  }
  for (let d = 0; d < dims; d += 1) sum[d] = (sum[d] ?? 0) / Math.max(1, count);
  return sum;
}
