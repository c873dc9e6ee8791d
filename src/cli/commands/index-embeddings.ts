import { setTimeout as sleep } from "node:timers/promises";
import type { SemanticIndex } from "../../search/semantic-index.js";
import { createServices } from "../../services.js";
import type { Command, CommandContext } from "../command.js";
import { indexQueuedPapers } from "../keyword-index.js";
import { Progress } from "../progress.js";

/**
 * After a retrain, the old model's vectors stay this many refresh intervals, so that every serving process has
 * moved to the new model (at its next refresh) before they go.
 */
const RETIRE_AFTER_REFRESHES = 2;

export const indexCommand: Command = {
  name: "index",
  usage: "index [--retrain]",
  summary:
    "index queued papers for keyword search, compute missing embeddings; --retrain retrains the built-in embedder and swaps it in",
  options: { retrain: { type: "boolean", default: false } },
  async run(args, context) {
    const services = await createServices(context.config);
    try {
      await indexQueuedPapers(services.database, context.stderr);
      const started = performance.now();
      const semantic = services.semantic;
      const progress = new Progress(context.stderr, "embed", 2000, "papers");
      let firstBatch = 0;
      const onProgress = (count: number) => {
        firstBatch ||= performance.now();
        progress.update(count);
      };
      const retrain = args.values.retrain === true;
      const embedded = retrain ? await semantic.retrain(onProgress) : await semantic.refresh(onProgress);
      if (embedded > 0) {
        progress.done(embedded);
        // What came before the first stored batch: loading the embedder, or training it on a sample.
        const before = ((firstBatch - started) / 1000).toFixed(1);
        context.stderr.write(`embed: the first batch was stored ${before} s after the start\n`);
      }
      const identity = semantic.identity;
      if (!identity) {
        context.stderr.write("paperboy index: too few papers to train the embedder yet; import some first\n");
        return 1;
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      context.stdout.write(
        `embedder ${identity.name} ${identity.version}: ${embedded} papers embedded, ${semantic.size} indexed (${seconds} s)\n`,
      );
      if (retrain) await retireOldVectors(semantic, context);
      return 0;
    } finally {
      await services.close();
    }
  },
};

async function retireOldVectors(semantic: SemanticIndex, context: CommandContext): Promise<void> {
  const waitMs = RETIRE_AFTER_REFRESHES * semantic.refreshIntervalMs;
  context.stderr.write(
    `index: the old model's vectors are removed in ${waitMs / 1000} s, once serving processes have moved\n`,
  );
  await sleep(waitMs);
  const removed = await semantic.forgetRetired();
  context.stdout.write(`removed ${removed} vectors of earlier models\n`);
}
