/**
 * A tiny sentence-transformer-shaped ONNX model and its WordPiece tokenizer, written from scratch so the onnx
 * embedder can be tested for real without downloading a model. The graph takes input_ids, attention_mask and
 * token_type_ids ([batch, sequence] int64) and answers last_hidden_state = WORDS[input_ids] + TYPES[token_type_ids]
 * ([batch, sequence, 8] float32), the shape BERT exports have; pooling is the embedder's job, as it is for them.
 * The tables are functions of their indices, so a test can compute the expected vectors on its own.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { bytes, concat, type Field, int, message, text } from "./protobuf.js";

export const DIMENSIONS = 8;
export const VOCABULARY = [
  "[PAD]",
  "[UNK]",
  "[CLS]",
  "[SEP]",
  "graph",
  "neural",
  "network",
  "##s",
  "diffusion",
  "model",
  "protein",
  "fold",
  "##ing",
  ".",
  ",",
  "quantum",
];

/** Row `id` of the word table. */
export const wordVector = (id: number): number[] =>
  Array.from({ length: DIMENSIONS }, (_, d) => Math.fround(Math.sin(id * 1.3 + d * 0.7)));
/** Row `type` of the token-type table (all text is type 0, and its row is not zero, so the input must be fed). */
export const typeVector = (type: number): number[] =>
  Array.from({ length: DIMENSIONS }, (_, d) => Math.fround(0.05 * (d - 3) + type));

const FLOAT = 1;
const INT64 = 7;

function tensor(name: string, rows: number[][]): Field {
  const values = Float32Array.from(rows.flat());
  // TensorProto: dims = 1, data_type = 2, name = 8, raw_data = 9 (little-endian, as x86 stores floats).
  return message(
    5,
    int(1, rows.length),
    int(1, DIMENSIONS),
    int(2, FLOAT),
    text(8, name),
    bytes(9, new Uint8Array(values.buffer)),
  );
}

function valueInfo(field: number, name: string, elementType: number, dims: (string | number)[]): Field {
  const dim = (d: string | number) => message(1, typeof d === "string" ? text(2, d) : int(1, d));
  // ValueInfoProto { name = 1, type = 2 { tensor_type = 1 { elem_type = 1, shape = 2 { dim = 1 } } } }.
  return message(
    field,
    text(1, name),
    message(2, message(1, int(1, elementType), message(2, ...dims.map(dim)))),
  );
}

function node(inputs: string[], output: string, op: string): Field {
  // NodeProto: input = 1, output = 2, name = 3, op_type = 4.
  return message(1, ...inputs.map((i) => text(1, i)), text(2, output), text(3, output), text(4, op));
}

/** The model as ONNX bytes (IR version 8, opset 13). */
export function tinyModel(): Uint8Array {
  const graph = message(
    7,
    node(["words", "input_ids"], "word_vectors", "Gather"),
    node(["types", "token_type_ids"], "type_vectors", "Gather"),
    node(["word_vectors", "type_vectors"], "last_hidden_state", "Add"),
    text(2, "tiny-sentence-encoder"),
    tensor(
      "words",
      VOCABULARY.map((_, id) => wordVector(id)),
    ),
    tensor("types", [typeVector(0), typeVector(1)]),
    valueInfo(11, "input_ids", INT64, ["batch", "sequence"]),
    valueInfo(11, "attention_mask", INT64, ["batch", "sequence"]),
    valueInfo(11, "token_type_ids", INT64, ["batch", "sequence"]),
    valueInfo(12, "last_hidden_state", FLOAT, ["batch", "sequence", DIMENSIONS]),
  );
  // ModelProto: ir_version = 1, producer_name = 2, graph = 7, opset_import = 8 { version = 2 }.
  return concat([int(1, 8), text(2, "paperboy-tests"), graph, message(8, int(2, 13))]);
}

/** A BERT-style tokenizer.json over VOCABULARY: lower-casing, punctuation split, WordPiece, [CLS] ... [SEP]. */
export function tinyTokenizer(): object {
  const special = (id: number) => ({
    id,
    content: VOCABULARY[id],
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  });
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: [0, 1, 2, 3].map(special),
    normalizer: {
      type: "BertNormalizer",
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: "BertPreTokenizer" },
    post_processor: {
      type: "TemplateProcessing",
      single: [
        { SpecialToken: { id: "[CLS]", type_id: 0 } },
        { Sequence: { id: "A", type_id: 0 } },
        { SpecialToken: { id: "[SEP]", type_id: 0 } },
      ],
      pair: [
        { SpecialToken: { id: "[CLS]", type_id: 0 } },
        { Sequence: { id: "A", type_id: 0 } },
        { SpecialToken: { id: "[SEP]", type_id: 0 } },
        { Sequence: { id: "B", type_id: 1 } },
        { SpecialToken: { id: "[SEP]", type_id: 1 } },
      ],
      special_tokens: {
        "[CLS]": { id: "[CLS]", ids: [2], tokens: ["[CLS]"] },
        "[SEP]": { id: "[SEP]", ids: [3], tokens: ["[SEP]"] },
      },
    },
    decoder: { type: "WordPiece", prefix: "##", cleanup: true },
    model: {
      type: "WordPiece",
      unk_token: "[UNK]",
      continuing_subword_prefix: "##",
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(VOCABULARY.map((token, id) => [token, id])),
    },
  };
}

/** Writes a model folder in Hugging Face's layout; `maxSeqLength` goes to sentence_bert_config.json. */
export function writeTinyModel(folder: string, maxSeqLength?: number): void {
  mkdirSync(join(folder, "onnx"), { recursive: true });
  writeFileSync(join(folder, "onnx", "model.onnx"), tinyModel());
  writeFileSync(join(folder, "tokenizer.json"), JSON.stringify(tinyTokenizer()));
  writeFileSync(
    join(folder, "tokenizer_config.json"),
    JSON.stringify({
      do_lower_case: true,
      model_max_length: 512,
      cls_token: "[CLS]",
      sep_token: "[SEP]",
      pad_token: "[PAD]",
      unk_token: "[UNK]",
    }),
  );
  if (maxSeqLength !== undefined)
    writeFileSync(
      join(folder, "sentence_bert_config.json"),
      JSON.stringify({ max_seq_length: maxSeqLength }),
    );
}
