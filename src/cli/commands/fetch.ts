import { fetchAndStorePapers } from "../../ingestion/arxiv/fetch-papers.js";
import { createServices } from "../../services.js";
import type { Command } from "../command.js";

export const fetchCommand: Command = {
  name: "fetch",
  usage: "fetch ID...",
  summary: "fetch papers by arXiv id (or URL) through the arXiv export API and store their metadata",
  options: {},
  async run(args, context) {
    if (args.positionals.length === 0) throw new Error("fetch needs at least one arXiv id");
    const services = await createServices(context.config);
    try {
      const report = await fetchAndStorePapers(services, args.positionals);
      context.stdout.write(
        `added ${report.added}, updated ${report.updated}, unchanged ${report.unchanged}, missing ${report.missing.length}\n`,
      );
      if (report.missing.length === 0) return 0;
      context.stderr.write(`paperboy fetch: arXiv has no paper ${report.missing.join(", ")}\n`);
      return 1;
    } finally {
      await services.close();
    }
  },
};
