import { describeDemo, loadDemoCorpus } from "../../ingestion/demo.js";
import { createServices } from "../../services.js";
import type { Command } from "../command.js";
import { formatReport } from "./import.js";

export const demoCommand: Command = {
  name: "demo",
  usage: "demo",
  summary: "load the bundled demo corpus of real arXiv papers",
  options: {},
  async run(_args, context) {
    const services = await createServices(context.config);
    try {
      const report = await loadDemoCorpus(services.database);
      context.stdout.write(`demo corpus: ${describeDemo(report, formatReport(report))}\n`);
      return 0;
    } finally {
      await services.close();
    }
  },
};
