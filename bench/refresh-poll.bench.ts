import { importFiles } from "../src/ingestion/import-files.js";
import { seededRandom } from "../src/search/lsa/random.js";
import type { Services } from "../src/services.js";
import { embeddingWatermark } from "../src/storage/embedding-revisions.js";
import { allPaperTexts, missingVectors, saveVectors } from "../src/storage/embeddings.js";
import { onEachDatabase } from "./databases.js";
import { benchInstance } from "./search-instance.js";
import { sharedListingFiles } from "./shared-data.js";

const IDENTITY = { name: "bench", version: "random-1" };

async function storeRandomVectors(services: Services): Promise<number> {
  const random = seededRandom(7);
  const ids = (await allPaperTexts(services.database)).map((p) => p.id);
  for (let i = 0; i < ids.length; i += 1000) {
    const vectors = ids.slice(i, i + 1000).map((paperId) => {
      const vector = Float32Array.from({ length: 256 }, () => random() - 0.5);
      return { paperId, vector };
    });
    await saveVectors(services.database, IDENTITY, vectors);
  }
  return ids.length;
}

async function timed(work: () => Promise<unknown>): Promise<string> {
  const times: number[] = [];
  for (let i = 0; i < 20; i += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return `p50 ${(times[10] ?? 0).toFixed(1)} ms, max ${(times[19] ?? 0).toFixed(1)} ms`;
}

export async function run(): Promise<void> {
  const files = sharedListingFiles();
  if (!files) return;
  await onEachDatabase("refresh-poll", async (database) => {
    const services = await benchInstance("refresh-poll", database.url);
    try {
      await importFiles(services.database, files, { format: "listing" });
      console.log(`${await storeRandomVectors(services)} papers with a stored vector`);
      console.log(`watermark poll: ${await timed(() => embeddingWatermark(services.database, "bench"))}`);
      const check = () => missingVectors(services.database, IDENTITY);
      console.log(`papers without a vector (none): ${await timed(check)}`);
    } finally {
      await services.close();
    }
  });
}
