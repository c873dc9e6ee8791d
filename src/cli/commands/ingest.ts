import { parseDay } from "../../core/listing-day.js";
import { type HarvestReport, harvestArxiv } from "../../ingestion/arxiv/harvest.js";
import { ingestHfDaily } from "../../ingestion/hf/ingest-daily.js";
import { createServices, type Services } from "../../services.js";
import type { Command, CommandContext, ParsedArgs } from "../command.js";

const optionalDay = (value: unknown) => (typeof value === "string" ? parseDay(value) : undefined);

function harvestLine(report: HarvestReport): string {
  const how = report.resumed ? "resumed, " : "";
  return `${how}${report.pages} pages, ${report.records} records: added ${report.added}, updated ${report.updated}, unchanged ${report.unchanged}, rejected ${report.rejected}${report.cut > 0 ? `, cut to length limits ${report.cut}` : ""}`;
}

async function ingestArxiv(
  services: Services,
  args: ParsedArgs,
  context: CommandContext,
  signal: AbortSignal,
) {
  const set = typeof args.values.set === "string" ? args.values.set : undefined;
  const from = optionalDay(args.values.from);
  const until = optionalDay(args.values.until);
  if (from && until && from > until) throw new Error(`--from ${from} is after --until ${until}`);
  const report = await harvestArxiv(
    services,
    { ...(from ? { from } : {}), ...(until ? { until } : {}), ...(set ? { set } : {}) },
    {
      signal,
      onProblem: (message) => context.stderr.write(`ingest arxiv: skipped ${message}\n`),
      onPage: (state, size) =>
        context.stderr.write(
          `ingest arxiv: page ${state.pages}, ${state.records.toLocaleString("en-US")} records${size ? ` of ${size.toLocaleString("en-US")}` : ""}\n`,
        ),
    },
  );
  context.stdout.write(`${harvestLine(report)}\n`);
}

async function ingestHf(services: Services, args: ParsedArgs, context: CommandContext, signal: AbortSignal) {
  const date = optionalDay(args.values.date);
  const from = optionalDay(args.values.from) ?? date;
  const until = optionalDay(args.values.until) ?? date ?? from;
  if (!from || !until || (date && (args.values.from || args.values.until)))
    throw new Error("ingest hf-daily needs --date D, or --from D [--until D]");
  const report = await ingestHfDaily(services, from, until, {
    signal,
    onDay: (day, papers) => context.stderr.write(`ingest hf-daily: ${day}, ${papers} papers\n`),
  });
  context.stdout.write(
    `${report.days} days, ${report.papers} papers: added ${report.added}, updated ${report.updated}, unchanged ${report.unchanged}, featured ${report.featured}\n`,
  );
}

/** Runs a sub-command with Ctrl-C stopping it between pages (what is committed stays; a re-run resumes). */
async function withServices(
  context: CommandContext,
  work: (services: Services, signal: AbortSignal) => Promise<void>,
) {
  const services = await createServices(context.config);
  const controller = new AbortController();
  const stop = () => controller.abort(new Error("interrupted; run the same command again to resume"));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    await work(services, controller.signal);
  } catch (error) {
    // A request or a wait cut short by the signal throws its own AbortError; say what happened instead.
    if (controller.signal.aborted) throw controller.signal.reason;
    throw error;
  } finally {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
    await services.close();
  }
}

export const ingestCommand: Command = {
  name: "ingest",
  usage: "ingest arxiv [--from D] [--until D] [--set S] | ingest hf-daily [--date D | --from D --until D]",
  summary: "pull papers from a live source: arXiv OAI-PMH (resumable) or Hugging Face daily papers",
  options: {
    from: { type: "string" },
    until: { type: "string" },
    set: { type: "string" },
    date: { type: "string" },
  },
  async run(args, context) {
    const [source, ...extra] = args.positionals;
    if (extra.length > 0) throw new Error(`ingest takes one source, got "${args.positionals.join(" ")}"`);
    if (source === "arxiv") {
      await withServices(context, (services, signal) => ingestArxiv(services, args, context, signal));
      return 0;
    }
    if (source === "hf-daily") {
      await withServices(context, (services, signal) => ingestHf(services, args, context, signal));
      return 0;
    }
    throw new Error(`ingest needs a source: arxiv or hf-daily (got "${source ?? ""}")`);
  },
};
