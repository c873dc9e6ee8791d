import { type Config, ConfigError } from "../../config.js";
import type { Clock } from "../../core/clock.js";
import type { Database } from "../../storage/database.js";
import { HttpEmbedder } from "./http.js";
import { LsaSource } from "./lsa-source.js";
import { type EmbedderSource, fixedSource } from "./source.js";

/** The embedder EMBEDDER names: built-in LSA (default), an OpenAI-compatible server, or a local ONNX model. */
export function createEmbedderSource(config: Config, database: Database, clock: Clock): EmbedderSource {
  switch (config.embedder) {
    case "http":
      return fixedSource(
        new HttpEmbedder({ url: config.embeddingsUrl ?? "", model: config.embeddingsModel ?? "default" }),
      );
    case "onnx":
      // No ONNX runtime or model can be installed on the build machine yet, so this embedder is not built.
      throw new ConfigError("configuration: EMBEDDER=onnx is not available in this version; use lsa or http");
    default:
      return new LsaSource(database, clock);
  }
}
