import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ConfigError } from "../../config.js";

/** Where a sentence-transformer export keeps its parts, in the layout Hugging Face repositories use. */
export interface OnnxModelFiles {
  readonly model: string;
  readonly tokenizer: string;
  /** tokenizer_config.json, or null when the folder has none. */
  readonly tokenizerConfig: string | null;
  /** sentence_bert_config.json (it holds max_seq_length), or null. */
  readonly sentenceConfig: string | null;
}

/** Longest input when the folder says nothing: BERT-style models stop at 512 positions. */
export const DEFAULT_MAX_TOKENS = 512;

const optional = (path: string) => (existsSync(path) ? path : null);

/**
 * Finds a model's files in a local folder (`model.onnx` or `onnx/model.onnx`, and `tokenizer.json`), failing
 * with a message that names the folder and the missing file. Nothing is ever fetched.
 */
export function findOnnxModel(folder: string): OnnxModelFiles {
  if (!existsSync(folder)) {
    throw new ConfigError(`configuration: EMBEDDINGS_MODEL folder ${folder} does not exist (EMBEDDER=onnx)`);
  }
  const model = [join(folder, "model.onnx"), join(folder, "onnx", "model.onnx")].find((p) => existsSync(p));
  if (!model) throw new ConfigError(`configuration: no model.onnx (or onnx/model.onnx) in ${folder}`);
  const tokenizer = join(folder, "tokenizer.json");
  if (!existsSync(tokenizer)) throw new ConfigError(`configuration: no tokenizer.json in ${folder}`);
  return {
    model,
    tokenizer,
    tokenizerConfig: optional(join(folder, "tokenizer_config.json")),
    sentenceConfig: optional(join(folder, "sentence_bert_config.json")),
  };
}

function readJson(path: string | null): Record<string, unknown> {
  if (path === null) return {};
  const parsed: unknown = JSON.parse(readFileSync(path, "utf8"));
  return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : {};
}

/** The tokens a model reads at most: sentence-transformers' max_seq_length, else the tokenizer's own limit. */
export function maxTokens(files: OnnxModelFiles): number {
  const fromSentence = readJson(files.sentenceConfig).max_seq_length;
  const fromTokenizer = readJson(files.tokenizerConfig).model_max_length;
  for (const value of [fromSentence, fromTokenizer]) {
    // Tokenizers without a limit store a huge sentinel (1e30); only a plausible number counts.
    if (typeof value === "number" && Number.isInteger(value) && value >= 2 && value <= 8192) return value;
  }
  return DEFAULT_MAX_TOKENS;
}

export { readJson };
