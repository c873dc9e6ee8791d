/**
 * Worker-thread entry: parses import files and posts batches to the importing thread, which only writes. At
 * most a few batches are in flight, so memory stays flat however large the files.
 */
import { parentPort, workerData } from "node:worker_threads";
import { AppError } from "../core/errors.js";
import { parseBatches } from "./parse-batches.js";
import type { WorkerMessage, WorkerRequest } from "./worker-batches.js";

const MAX_IN_FLIGHT = 3;

async function main(port: NonNullable<typeof parentPort>, request: WorkerRequest) {
  let inFlight = 0;
  let wake: (() => void) | null = null;
  port.on("message", () => {
    inFlight -= 1;
    wake?.();
  });
  const post = (message: WorkerMessage) => port.postMessage(message);
  try {
    for await (const batch of parseBatches(request.paths, request.format, request.batchSize)) {
      while (inFlight >= MAX_IN_FLIGHT) await new Promise<void>((resolve) => (wake = resolve));
      inFlight += 1;
      post({ kind: "batch", batch });
    }
    post({ kind: "done" });
  } catch (error) {
    const code = error instanceof AppError ? error.code : null;
    post({ kind: "error", code, message: (error as Error).message });
  }
}

if (parentPort) void main(parentPort, workerData as WorkerRequest);
