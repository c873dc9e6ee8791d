import type { Config } from "../../config.js";
import type { Clock } from "../../core/clock.js";
import type { Database } from "../../storage/database.js";
import { HttpEmbedder } from "./http.js";
import { LsaSource } from "./lsa-source.js";
import { findOnnxModel } from "./onnx-files.js";
import { type EmbedderSource, fixedSource, loadedOnce } from "./source.js";

/** The embedder EMBEDDER names: built-in LSA (default), an OpenAI-compatible server, or a local ONNX model. */
export function createEmbedderSource(config: Config, database: Database, clock: Clock): EmbedderSource {
  switch (config.embedder) {
    case "http":
      return fixedSource(
        new HttpEmbedder({ url: config.embeddingsUrl ?? "", model: config.embeddingsModel ?? "default" }),
      );
    case "onnx": {
      // The folder is checked now, so a wrong path stops start-up; the runtime loads only when onnx is chosen.
      const files = findOnnxModel(config.embeddingsModel ?? "");
      return loadedOnce(async () => (await import("./onnx.js")).OnnxEmbedder.load(files));
    }
    default:
      return new LsaSource(database, clock);
  }
}
