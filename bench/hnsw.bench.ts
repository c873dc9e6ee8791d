/**
 * `npm run bench -- hnsw --database sqlite:FILE [--connectivity 16,32] [--expansion-add 64,128]
 * [--expansion-search 64,400] [--quantization f16,bf16,i8,f32] [--batch 500] [--limit N]`: how far the vector index's top 10 agree with the exact
 * scan, on the 400 real-text bench queries, over the vectors of an embedded archive (bench scale --keep), for each
 * graph setting: build time, memory, agreement and search time. `--limit` keeps the first N vectors only. The exact scan in half precision says how much of
 * the disagreement comes from the rounding rather than from the graph.
 */
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exactSearch, Index, MetricKind, ScalarKind } from "usearch";
import { loadConfig } from "../src/config.js";
import { systemClock } from "../src/core/clock.js";
import { LsaSource } from "../src/search/embedders/lsa-source.js";
import { createServices } from "../src/services.js";
import { loadVectors } from "../src/storage/embeddings.js";
import type { BenchOptions } from "./options.js";
import { percentiles } from "./scale/latency.js";
import { benchQueries } from "./scale/queries.js";

const K = 10;
const SCALARS: Record<string, ScalarKind> = {
  f32: ScalarKind.F32,
  f16: ScalarKind.F16,
  bf16: ScalarKind.BF16,
  i8: ScalarKind.I8,
};
const SERIAL_BASE = 2_000;

const list = (options: BenchOptions, name: string, fallback: string) =>
  (options[name] ?? fallback).split(",").map((x) => x.trim());

function topSets(result: ReturnType<typeof exactSearch>, queries: number): Set<bigint>[] {
  return Array.from({ length: queries }, (_, q) => {
    const found = "get" in result ? result.get(q) : result;
    return new Set(Array.from(found.keys).slice(0, K));
  });
}

function agreement(exact: Set<bigint>[], found: Set<bigint>[]): number {
  let shared = 0;
  exact.forEach((set, q) => {
    for (const key of set) if (found[q]?.has(key)) shared += 1;
  });
  return shared / (exact.length * K);
}

/** Rounds every value to the nearest half-precision number, as an F16 index stores it. */
function toHalf(data: Float32Array): Float32Array {
  const out = new Float32Array(data.length);
  for (let i = 0; i < data.length; i += 1) {
    const x = data[i] ?? 0;
    const a = Math.abs(x);
    if (a < 2 ** -24) continue;
    const exponent = Math.max(Math.floor(Math.log2(a)), -14);
    const step = 2 ** (exponent - 10);
    out[i] = Math.sign(x) * Math.round(a / step) * step;
  }
  return out;
}

export async function run(options: BenchOptions): Promise<void> {
  const url = options.database;
  const queries = await benchQueries();
  if (!url || !queries) {
    console.log("hnsw: needs --database sqlite:FILE holding an embedded archive (bench scale --keep)");
    return;
  }
  const services = await createServices(
    loadConfig({
      DATABASE_URL: url,
      SECRET_KEY: "bench-secret-key-that-is-long-enough-0123456789",
      LOG_LEVEL: "silent",
    }),
  );
  try {
    const model = await new LsaSource(services.database, systemClock).current();
    if (!model) throw new Error("hnsw: the archive has no embedder");
    const limit = options.limit ? Number(options.limit) : Number.POSITIVE_INFINITY;
    const stored = (await loadVectors(services.database, model)).slice(0, limit);
    const d = model.dimensions;
    const data = new Float32Array(stored.length * d);
    for (const [i, v] of stored.entries()) data.set(v.vector, i * d);
    const texts = [...queries.titles, ...queries.phrases];
    const vectors = await model.embed(texts.map((body) => ({ title: "", body })));
    const flat = new Float32Array(texts.length * d);
    for (const [i, v] of vectors.entries()) flat.set(v, i * d);
    console.log(`${stored.length.toLocaleString("en-US")} vectors of ${d}; ${texts.length} queries`);
    const exact = topSets(exactSearch(data, flat, d, K, MetricKind.Cos), texts.length);
    const half = topSets(exactSearch(toHalf(data), toHalf(flat), d, K, MetricKind.Cos), texts.length);
    console.log(`exact scan in half precision vs single: ${(agreement(exact, half) * 100).toFixed(1)}%`);
    // `paperboy index` adds each stored batch of 500 on every core.
    const batch = Number(options.batch ?? 500);
    const keys = BigUint64Array.from(stored.map((_, i) => BigInt(i)));
    const file = join(tmpdir(), `paperboy-hnsw-${process.pid}.usearch`);
    for (const quantization of list(options, "quantization", "bf16"))
      for (const connectivity of list(options, "connectivity", "16").map(Number))
        for (const expansionAdd of list(options, "expansion-add", "64").map(Number)) {
          const scalar = SCALARS[quantization];
          if (!scalar) throw new Error(`hnsw: --quantization takes ${Object.keys(SCALARS).join(", ")}`);
          const config = {
            dimensions: d,
            metric: MetricKind.Cos,
            quantization: scalar,
            connectivity,
            multi: false,
          };
          const graph = new Index({ ...config, expansion_add: expansionAdd, expansion_search: 64 });
          const started = performance.now();
          const serial = Math.min(SERIAL_BASE, stored.length);
          for (let i = 0; i < serial; i += 1)
            graph.add(keys.slice(i, i + 1), data.slice(i * d, (i + 1) * d), 0);
          for (let from = serial; from < stored.length; from += batch)
            graph.add(keys.slice(from, from + batch), data.slice(from * d, (from + batch) * d), 0);
          const buildSeconds = (performance.now() - started) / 1000;
          graph.save(file);
          const rss = process.memoryUsage().rss / 2 ** 20;
          console.log(
            `${quantization} connectivity ${connectivity} expansion_add ${expansionAdd}: built in ${buildSeconds.toFixed(1)} s, RSS ${rss.toFixed(0)} MB`,
          );
          for (const expansionSearch of list(options, "expansion-search", "64,128,256,400").map(Number)) {
            const view = new Index({
              ...config,
              expansion_add: expansionAdd,
              expansion_search: expansionSearch,
            });
            view.load(file);
            const times: number[] = [];
            const found = vectors.map((v) => {
              const t = performance.now();
              const result = view.search(v, K, 1);
              times.push(performance.now() - t);
              return new Set(Array.from(result.keys));
            });
            const p = percentiles(times);
            console.log(
              `  expansion_search ${expansionSearch}: agreement ${(agreement(exact, found) * 100).toFixed(1)}%, vs half-precision exact ${(agreement(half, found) * 100).toFixed(1)}%, search p50/p99 ${p.p50.toFixed(2)} / ${p.p99.toFixed(2)} ms`,
            );
          }
        }
    rmSync(file, { force: true });
  } finally {
    await services.close();
  }
}
