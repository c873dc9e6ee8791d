import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { systemClock } from "../../src/core/clock.js";
import { createEmbedderSource } from "../../src/search/embedders/create.js";
import { OnnxEmbedder } from "../../src/search/embedders/onnx.js";
import { findOnnxModel } from "../../src/search/embedders/onnx-files.js";
import { BACKENDS } from "../helpers/backends.js";
import { incoming, paperRecord } from "../helpers/papers.js";
import { createTestInstance } from "../helpers/services.js";
import { DIMENSIONS, typeVector, wordVector, writeTinyModel } from "../helpers/tiny-onnx/tiny-model.js";
import { storePapers } from "./backends.js";

/** What the embedder must answer for these token ids: the mean of WORDS[id] + TYPES[0], at unit length. */
function expected(ids: readonly number[]): number[] {
  const sum = new Array<number>(DIMENSIONS).fill(0);
  for (const id of ids) {
    const word = wordVector(id);
    const type = typeVector(0);
    for (let d = 0; d < DIMENSIONS; d += 1) sum[d] = (sum[d] ?? 0) + (word[d] ?? 0) + (type[d] ?? 0);
  }
  const norm = Math.hypot(...sum);
  return sum.map((x) => x / norm);
}

function expectVector(actual: Float32Array | undefined, ids: readonly number[]): void {
  expect(actual).toBeDefined();
  const want = expected(ids);
  expect(Array.from(actual ?? [])).toHaveLength(DIMENSIONS);
  want.forEach((x, d) => {
    expect(actual?.[d]).toBeCloseTo(x, 5);
  });
}

describe("OnnxEmbedder on a tiny model built for the test", () => {
  const root = mkdtempSync(join(tmpdir(), "paperboy-onnx-"));
  const folder = join(root, "model");
  const short = join(root, "short");
  let embedder: OnnxEmbedder;

  beforeAll(async () => {
    writeTinyModel(folder);
    writeTinyModel(short, 4);
    embedder = await OnnxEmbedder.load(findOnnxModel(folder));
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it("tokenizes with the folder's WordPiece tokenizer and mean-pools the model's token vectors", async () => {
    expect(embedder.name).toBe("onnx");
    expect(embedder.dimensions).toBe(DIMENSIONS);
    // [CLS] graph neural network ##s [SEP]
    const [vector] = await embedder.embed([{ title: "", body: "Graph neural networks" }]);
    expectVector(vector, [2, 4, 5, 6, 7, 3]);
  });

  it("joins title and body, maps unknown words to [UNK], and leaves padding out of the mean", async () => {
    const vectors = await embedder.embed([
      { title: "Protein folding", body: "Zebra diffusion model." },
      { title: "", body: "quantum" },
      { title: "", body: "graph, graph, graph networks" },
    ]);
    expectVector(vectors[0], [2, 10, 11, 12, 1, 8, 9, 13, 3]);
    expectVector(vectors[1], [2, 15, 3]);
    expectVector(vectors[2], [2, 4, 14, 4, 14, 4, 6, 7, 3]);
  });

  it("cuts long texts to the folder's max_seq_length, keeping the closing token", async () => {
    const cut = await OnnxEmbedder.load(findOnnxModel(short));
    const [vector] = await cut.embed([{ title: "", body: "graph neural networks" }]);
    expectVector(vector, [2, 4, 5, 3]);
    expect(cut.version).not.toBe(embedder.version);
  });

  it("names its version after the model's files, so reloading the same folder keeps the stored vectors", async () => {
    expect((await OnnxEmbedder.load(findOnnxModel(folder))).version).toBe(embedder.version);
  });

  it("stops start-up with a message naming what is missing", () => {
    const database = {} as Parameters<typeof createEmbedderSource>[1];
    const config = (model?: string) =>
      loadConfig({ EMBEDDER: "onnx", ...(model ? { EMBEDDINGS_MODEL: model } : {}) });
    expect(() => config()).toThrow(/EMBEDDINGS_MODEL .* is required when EMBEDDER=onnx/);
    expect(() => createEmbedderSource(config(join(root, "nowhere")), database, systemClock)).toThrow(
      /folder .*nowhere does not exist/,
    );
    const half = join(root, "half");
    mkdirSync(half);
    writeFileSync(join(half, "model.onnx"), "");
    expect(() => createEmbedderSource(config(half), database, systemClock)).toThrow(ConfigError);
    expect(() => createEmbedderSource(config(half), database, systemClock)).toThrow(/no tokenizer.json in/);
  });

  it.each(BACKENDS)("powers semantic search when EMBEDDER=onnx (%s)", async (backend) => {
    const instance = await createTestInstance({
      backend,
      env: { EMBEDDER: "onnx", EMBEDDINGS_MODEL: folder },
    });
    try {
      await storePapers(instance, [
        incoming(paperRecord("2601.00001", { title: "Graph neural networks", abstract: "Graph networks." })),
        incoming(paperRecord("2601.00002", { title: "Protein folding", abstract: "Folding proteins." })),
        incoming(paperRecord("2601.00003", { title: "Quantum diffusion", abstract: "A diffusion model." })),
      ]);
      const semantic = instance.services.semantic;
      expect(await semantic.refresh()).toBe(3);
      expect(semantic.identity).toEqual({ name: "onnx", version: embedder.version });
      // The tiny model's vectors mean nothing, but a paper's own text must find that paper, at similarity ~1.
      const [best] = await semantic.searchText("Protein folding\n\nFolding proteins.", 3);
      expect(best?.id).toBe("2601.00002");
      expect(best?.score).toBeCloseTo(1, 2);
      expect((await semantic.similar("2601.00001", 5)).map((m) => m.id).sort()).toEqual([
        "2601.00002",
        "2601.00003",
      ]);
    } finally {
      await instance.dispose();
    }
  });
});
