import { parentPort, workerData } from "node:worker_threads";
import type { EmbedAnswer, EmbedTask } from "./embed-thread.js";
import { LsaModel, type StoredModel } from "./model.js";

// The embedding thread (embed-thread.ts): one model, batches in, vectors out end to end.
const model = LsaModel.fromStored(workerData as StoredModel);
parentPort?.on("message", (task: EmbedTask) => {
  const vectors = new Float32Array(task.texts.length * model.dimensions);
  task.texts.forEach((text, i) => {
    vectors.set(model.embedOne(text), i * model.dimensions);
  });
  const answer: EmbedAnswer = { id: task.id, vectors };
  parentPort?.postMessage(answer, [vectors.buffer]);
});
