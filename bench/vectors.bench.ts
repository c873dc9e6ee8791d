/**
 * `npm run bench -- vectors --database sqlite:FILE [--list-size 500,1000] [--probe-factor 2,4,6,8,12]
 * [--rescore 30,50]`: how far the vector index's top 10 agree with the exact scan, on the 400 real-text bench queries,
 * over the vectors of an embedded archive (bench scale --keep), for each list size: the time to partition every
 * vector once (as a bulk run does), memory, and for each probe factor the lists scanned, agreement by the 8-bit
 * ranking alone and once the best 30 (or as many as --rescore says) are ranked again by their stored vectors
 * (as searches are served), and search time.
 */
import { rmSync } from "node:fs";
import { loadConfig } from "../src/config.js";
import { systemClock } from "../src/core/clock.js";
import { cosine } from "../src/search/embedders/embedder.js";
import { LsaSource } from "../src/search/embedders/lsa-source.js";
import { VectorIndex } from "../src/search/vector-index.js";
import { VECTOR_INDEX_DEFAULTS } from "../src/search/vector-index-options.js";
import { createServices } from "../src/services.js";
import { loadVectors } from "../src/storage/embeddings.js";
import type { BenchOptions } from "./options.js";
import { percentiles } from "./scale/latency.js";
import { benchQueries } from "./scale/queries.js";
import { exactTops } from "./scale/recall.js";

const K = 10;

const list = (options: BenchOptions, name: string, fallback: string) =>
  (options[name] ?? fallback).split(",").map((x) => Number(x.trim()));

export async function run(options: BenchOptions): Promise<void> {
  const url = options.database;
  const queries = await benchQueries();
  if (!url || !queries) {
    console.log("vectors: needs --database sqlite:FILE holding an embedded archive (bench scale --keep)");
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
    if (!model) throw new Error("vectors: the archive has no embedder");
    const stored = await loadVectors(services.database, model);
    const d = model.dimensions;
    const byId = new Map(stored.map((v) => [v.paperId, v.vector]));
    const texts = [...queries.titles, ...queries.phrases];
    const vectors = await model.embed(texts.map((body) => ({ title: "", body })));
    console.log(`${stored.length.toLocaleString("en-US")} vectors of ${d}; ${texts.length} queries`);
    const exact = (await exactTops(services, model, vectors)).map((best) => new Set(best.map((m) => m.id)));
    const shared = (q: number, ids: readonly string[]) => ids.filter((id) => exact[q]?.has(id)).length;
    const rescores = list(options, "rescore", "30");
    const deepest = Math.max(...rescores);
    for (const listSize of list(options, "list-size", String(VECTOR_INDEX_DEFAULTS.listSize))) {
      const rssBefore = process.memoryUsage().rss;
      const started = performance.now();
      const index = VectorIndex.create(d, { ...VECTOR_INDEX_DEFAULTS, listSize });
      index.defer();
      for (let from = 0; from < stored.length; from += 500)
        index.add(
          stored.slice(from, from + 500).map((v) => ({ id: v.paperId, vector: v.vector })),
          0,
        );
      const gathered = performance.now();
      index.settle();
      const seconds = (at: number) => ((at - started) / 1000).toFixed(1);
      const grown = (process.memoryUsage().rss - rssBefore) / 2 ** 20;
      console.log(
        `list size ${listSize}: gathered in ${seconds(gathered)} s, partitioned by ${seconds(performance.now())} s, RSS +${grown.toFixed(0)} MB`,
      );
      const file = `/tmp/paperboy-vectors-${process.pid}.ivf`;
      const ids = index.save(file);
      for (const probeFactor of list(options, "probe-factor", "2,4,6,8,12")) {
        const view = VectorIndex.restore(d, { ...VECTOR_INDEX_DEFAULTS, listSize, probeFactor }, file, ids);
        const times: number[] = [];
        let raw = 0;
        const rescored = rescores.map(() => 0);
        vectors.forEach((query, q) => {
          const t = performance.now();
          const found = view.search(query, deepest);
          times.push(performance.now() - t);
          raw += shared(
            q,
            found.slice(0, K).map((m) => m.id),
          );
          rescores.forEach((count, r) => {
            const again = found
              .slice(0, count)
              .map((m) => ({ id: m.id, score: cosine(query, byId.get(m.id) ?? new Float32Array(d)) }))
              .sort((a, b) => b.score - a.score)
              .slice(0, K);
            rescored[r] =
              (rescored[r] ?? 0) +
              shared(
                q,
                again.map((m) => m.id),
              );
          });
        });
        const p = percentiles(times);
        const share = (n: number) => `${((100 * n) / (texts.length * K)).toFixed(1)}%`;
        console.log(
          `  probe factor ${probeFactor} (${view.probes} of ${Math.round(stored.length / listSize)} lists): agreement ${share(raw)} in 8 bits, ${rescores.map((count, r) => `${share(rescored[r] ?? 0)} with ${count} ranked again`).join(", ")}; search of ${deepest} p50/p99 ${p.p50.toFixed(2)} / ${p.p99.toFixed(2)} ms`,
        );
      }
      rmSync(file, { force: true });
    }
  } finally {
    await services.close();
  }
}
