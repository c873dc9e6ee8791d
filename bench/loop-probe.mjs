/**
 * Loaded into a benched server (`node --import bench/loop-probe.mjs`, see served.ts) when
 * BENCH_LOOP_PROBE names a file: once a second it appends one line there with the event loop's delay (p50, p99,
 * worst, 1 ms resolution), the time spent in garbage collection and its longest pause, and, per kind of request,
 * how many were answered and their p50/p99 from the moment Node handed the request to the server to the moment
 * its answer was written. Against the client's figures this tells the server's own time from the time a request
 * waited before the server saw it. Plain JavaScript: the server's worker threads load it too (they inherit
 * `--import`), and they have no TypeScript loader. In a worker it does nothing.
 */
import { appendFileSync } from "node:fs";
import { Server } from "node:http";
import { createHistogram, monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";
import { isMainThread } from "node:worker_threads";

const file = isMainThread ? (process.env.BENCH_LOOP_PROBE ?? "") : "";
const KINDS = ["day", "paper", "search", "api", "other"];

/** @param {string | undefined} url */
function kindOf(url) {
  if (url === "/papers") return "day";
  if (url?.startsWith("/papers/")) return "paper";
  if (url?.startsWith("/search")) return "search";
  if (url?.startsWith("/api/")) return "api";
  return "other";
}

const loop = monitorEventLoopDelay({ resolution: 1 });
const answered = new Map(KINDS.map((kind) => [kind, createHistogram()]));
const gc = { ms: 0, longest: 0 };

function timeRequests() {
  const emit = Server.prototype.emit;
  /** @this {Server} */
  Server.prototype.emit = function (event, ...args) {
    if (event === "request") {
      const [request, response] = args;
      const started = process.hrtime.bigint();
      const histogram = answered.get(kindOf(request.url));
      response.once("finish", () =>
        histogram?.record(Math.max(1, Number((process.hrtime.bigint() - started) / 1000n))),
      );
    }
    return emit.call(this, event, ...args);
  };
}

/** @param {number} nanoseconds */
const ms = (nanoseconds) => (nanoseconds / 1e6).toFixed(1);

function line() {
  const kinds = KINDS.map((kind) => {
    const histogram = answered.get(kind);
    if (!histogram || histogram.count === 0) return `${kind} 0`;
    const text = `${kind} ${histogram.count} ${(histogram.percentile(50) / 1000).toFixed(1)}/${(histogram.percentile(99) / 1000).toFixed(1)}`;
    histogram.reset();
    return text;
  });
  const text =
    `${new Date().toISOString().slice(11, 19)} loop p50/p99/max ${ms(loop.percentile(50))}/${ms(loop.percentile(99))}/${ms(loop.max)} ms` +
    ` gc ${gc.ms.toFixed(0)} ms (longest ${gc.longest.toFixed(1)}) | ${kinds.join(" | ")}`;
  loop.reset();
  gc.ms = 0;
  gc.longest = 0;
  return text;
}

if (file) {
  loop.enable();
  timeRequests();
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gc.ms += entry.duration;
      gc.longest = Math.max(gc.longest, entry.duration);
    }
  }).observe({ entryTypes: ["gc"] });
  setInterval(() => appendFileSync(file, `${line()}\n`), 1000).unref();
}
