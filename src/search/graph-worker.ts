import { parentPort, workerData } from "node:worker_threads";
import { graphOf, insert } from "./graph.js";
import type { GraphAnswer, GraphStart, GraphTask } from "./graph-thread.js";

// The graph's own thread (graph-thread.ts): insertions and saves in the order they were asked for.
const { dimensions, options, file } = workerData as GraphStart;
const graph = graphOf(dimensions, options);
if (file) graph.load(file);
parentPort?.on("message", (task: GraphTask) => {
  let answer: GraphAnswer = { id: task.id };
  try {
    if (task.kind === "add") insert(graph, dimensions, task.keys, task.vectors, task.replaced, task.threads);
    else if (task.kind === "save") graph.save(task.file);
  } catch (error) {
    answer = { id: task.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(answer);
});
