import { createServices } from "../../services.js";
import type { Command } from "../command.js";
import { indexQueuedPapers } from "../keyword-index.js";
import { Progress } from "../progress.js";

export const indexCommand: Command = {
  name: "index",
  usage: "index [--rebuild]",
  summary:
    "index queued papers for keyword search, compute missing embeddings; --rebuild retrains the built-in embedder",
  options: { rebuild: { type: "boolean", default: false } },
  async run(args, context) {
    const services = await createServices(context.config);
    try {
      await indexQueuedPapers(services.database, context.stderr);
      const started = performance.now();
      const semantic = services.semantic;
      const progress = new Progress(context.stderr, "embed", 2000, "papers");
      const onProgress = (count: number) => progress.update(count);
      const embedded = args.values.rebuild
        ? await semantic.rebuild(onProgress)
        : await semantic.refresh(onProgress);
      if (embedded > 0) progress.done(embedded);
      const identity = semantic.identity;
      if (!identity) {
        context.stderr.write("paperboy index: too few papers to train the embedder yet; import some first\n");
        return 1;
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      context.stdout.write(
        `embedder ${identity.name} ${identity.version}: ${embedded} papers embedded, ${semantic.size} indexed (${seconds} s)\n`,
      );
      return 0;
    } finally {
      await services.close();
    }
  },
};
