import { setTimeout as sleep } from "node:timers/promises";
import { retrainDue, trainedAtPapers } from "../../search/retrain-rule.js";
import type { Progress as EmbedProgress, SemanticIndex } from "../../search/semantic-index.js";
import { createServices } from "../../services.js";
import { countPapers } from "../../storage/papers.js";
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
    "index queued papers for keyword search, compute missing embeddings; retrain the built-in embedder when the corpus has doubled since (or with --retrain), swapping it in without downtime",
  options: { retrain: { type: "boolean", default: false } },
  async run(args, context) {
    const services = await createServices(context.config);
    try {
      await indexQueuedPapers(services.database, context.stderr);
      const started = performance.now();
      const semantic = services.semantic;
      const onProgress = embedProgress(context, started);
      // This process serves no search: a long run partitions the vector index once, at its end.
      let embedded = await semantic.refresh(onProgress, { bulk: true });
      const identity = semantic.identity;
      if (!identity) {
        context.stderr.write("paperboy index: too few papers to train the embedder yet; import some first\n");
        return 1;
      }
      const papers = await countPapers(services.database);
      const retrain = args.values.retrain === true || retrainDue(identity, papers);
      if (retrain) {
        context.stderr.write(`index: retraining ${identity.name} (${retrainReason(identity, papers)})\n`);
        embedded += await semantic.retrain(onProgress);
      }
      await semantic.saveIndex();
      const now = semantic.identity ?? identity;
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      context.stdout.write(
        `embedder ${now.name} ${now.version}: ${embedded} papers embedded, ${semantic.size} indexed (${seconds} s)\n`,
      );
      if (retrain) await retireOldVectors(semantic, context);
      return 0;
    } finally {
      await services.close();
    }
  },
};

/** Progress on stderr, and when the first batch was stored: what came before it was loading or training the model. */
function embedProgress(context: CommandContext, started: number): EmbedProgress {
  const progress = new Progress(context.stderr, "embed", 2000, "papers");
  let first = true;
  return (count) => {
    if (first) {
      first = false;
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      context.stderr.write(`embed: the first batch was stored ${seconds} s after the start\n`);
    }
    progress.update(count);
  };
}

function retrainReason(identity: { name: string; version: string }, papers: number): string {
  const trainedAt = trainedAtPapers(identity);
  const grown = trainedAt ? `; trained at ${trainedAt.toLocaleString("en-US")} papers` : "";
  return `${papers.toLocaleString("en-US")} papers now${grown}; the one in use answers until the new one is whole`;
}

async function retireOldVectors(semantic: SemanticIndex, context: CommandContext): Promise<void> {
  const waitMs = RETIRE_AFTER_REFRESHES * semantic.refreshIntervalMs;
  context.stderr.write(
    `index: the old model's vectors are removed in ${waitMs / 1000} s, once serving processes have moved\n`,
  );
  await sleep(waitMs);
  const removed = await semantic.forgetRetired();
  context.stdout.write(`removed ${removed} vectors of earlier models\n`);
}
