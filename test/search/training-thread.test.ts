import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { LSA_DEFAULTS, trainLsa } from "../../src/search/lsa/train.js";
import { trainOffThread } from "../../src/search/lsa/train-off-thread.js";
import { listingPapers } from "./backends.js";

const documents = listingPapers().map((p) => ({ title: p.record.title, body: p.record.abstract }));
const options = { ...LSA_DEFAULTS, dimensions: 16 };

describe("training the built-in embedder on a thread of its own", () => {
  it("runs the compiled worker that `npm test` builds", () => {
    const worker = new URL("../../dist/search/lsa/train-worker.js", import.meta.url);
    expect(existsSync(fileURLToPath(worker))).toBe(true);
  });

  it("gives the model training in place gives, and leaves this thread free while it trains", async () => {
    let ticks = 0;
    const timer = setInterval(() => {
      ticks += 1;
    }, 1);
    const model = await trainOffThread(documents, documents.length, options);
    clearInterval(timer);
    const inPlace = trainLsa(documents, documents.length, options);
    expect(model.dimensions).toBe(16);
    const text = { title: "", body: "coalition formation with strategic agents" };
    const [offThread] = await model.embed([text]);
    const [here] = await inPlace.embed([text]);
    expect(Array.from(offThread ?? [])).toEqual(Array.from(here ?? []));
    expect(ticks).toBeGreaterThan(0);
  });
});

describe("embedding with the built-in embedder on a thread of its own (a bulk run)", () => {
  it("gives the vectors embedding in place gives, batch after batch, in order", async () => {
    const model = trainLsa(documents, documents.length, options);
    const bulk = model.bulk();
    if (!bulk) throw new Error("the compiled embedding worker is missing (npm run build)");
    try {
      const batches = [documents.slice(0, 40), documents.slice(40, 41), documents.slice(41, 140)];
      // Sent together: answers come back to their own batch.
      const offThread = await Promise.all(batches.map((batch) => bulk.embed(batch)));
      for (const [i, batch] of batches.entries()) {
        const here = await model.embed(batch);
        expect(offThread[i]?.map((v) => Array.from(v))).toEqual(here.map((v) => Array.from(v)));
      }
    } finally {
      await bulk.close();
    }
    await expect(bulk.embed(documents.slice(0, 1))).rejects.toThrow();
  });
});
