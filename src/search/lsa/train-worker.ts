import { parentPort, workerData } from "node:worker_threads";
import { trainLsa } from "./train.js";
import type { TrainingRequest } from "./train-off-thread.js";

// The training thread (train-off-thread.ts): trains, hands the model back as stored bytes, and ends.
const request = workerData as TrainingRequest;
const stored = trainLsa(request.documents, request.papers, request.options).toStored();
parentPort?.postMessage(stored);
