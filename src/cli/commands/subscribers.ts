import { importSubscribers } from "../../digests/import-subscribers.js";
import { createServices } from "../../services.js";
import type { Command } from "../command.js";

export const subscribersCommand: Command = {
  name: "subscribers",
  usage: "subscribers import FILE [--confirmed]",
  summary: "bring subscribers from a CSV (email,cadence,follows); emails confirmations unless --confirmed",
  options: { confirmed: { type: "boolean", default: false } },
  async run(args, context) {
    const [action, file, ...extra] = args.positionals;
    if (action !== "import" || !file || extra.length > 0)
      throw new Error("usage: paperboy subscribers import FILE [--confirmed]");
    const services = await createServices(context.config);
    try {
      const deps = { ...services, baseUrl: context.config.baseUrl };
      const report = await importSubscribers(deps, file, {
        confirmed: Boolean(args.values.confirmed),
        onProblem: (line, message) => context.stderr.write(`${file}:${line}: ${message}\n`),
      });
      context.stdout.write(
        `added ${report.added}, already subscribed ${report.existing}, rejected ${report.rejected}, confirmations sent ${report.confirmationsSent}\n`,
      );
      return 0;
    } finally {
      await services.close();
    }
  },
};
