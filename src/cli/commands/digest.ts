import { systemClock } from "../../core/clock.js";
import { requireEmail } from "../../core/email-address.js";
import { CADENCES, type Cadence, parseCadence } from "../../core/follows.js";
import { parseDay, todaysListingDay } from "../../core/listing-day.js";
import { duePeriod, periodFor } from "../../digests/periods.js";
import { type DigestRunReport, sendDigests } from "../../digests/send.js";
import { createServices } from "../../services.js";
import type { Command, CommandContext, ParsedArgs } from "../command.js";
import { Progress } from "../progress.js";

export function formatDigestReport(report: DigestRunReport): string {
  return `${report.period}: sent ${report.sent}, empty ${report.empty}, retry later ${report.retry}, failed ${report.failed}, already done ${report.settled}, held by another run ${report.busy}${report.preview ? `, would send ${report.preview}` : ""}`;
}

async function runCadence(
  context: CommandContext,
  args: ParsedArgs,
  cadence: Cadence,
): Promise<DigestRunReport> {
  const services = await createServices(context.config);
  const progress = new Progress(context.stderr, `digest ${cadence}`);
  try {
    const date = typeof args.values.date === "string" ? parseDay(args.values.date) : null;
    const period = date ? periodFor(cadence, date) : duePeriod(cadence, services.clock.now());
    const to = typeof args.values.to === "string" ? requireEmail(args.values.to) : undefined;
    const dryRun = Boolean(args.values["dry-run"]);
    let done = 0;
    const report = await sendDigests(
      { ...services, baseUrl: context.config.baseUrl },
      {
        cadence,
        period,
        dryRun,
        concurrency: context.config.digestConcurrency,
        ...(to ? { to } : {}),
        onDigest: (outcome) => {
          done += 1;
          progress.update(done);
          if (dryRun) context.stdout.write(`${outcome.email}\t${outcome.papers}\t${outcome.subject ?? ""}\n`);
        },
      },
    );
    progress.done(done);
    return report;
  } finally {
    await services.close();
  }
}

export const digestCommand: Command = {
  name: "digest",
  usage: "digest send [--cadence daily|weekly] [--date D] [--dry-run] [--to EMAIL]",
  summary: "build and send due digests (--date: the period holding that day); each at most once",
  options: {
    cadence: { type: "string" },
    date: { type: "string" },
    "dry-run": { type: "boolean", default: false },
    to: { type: "string" },
  },
  async run(args, context) {
    if (args.positionals[0] !== "send" || args.positionals.length > 1)
      throw new Error(
        "usage: paperboy digest send [--cadence daily|weekly] [--date D] [--dry-run] [--to EMAIL]",
      );
    const chosen = typeof args.values.cadence === "string" ? [parseCadence(args.values.cadence)] : null;
    let cadences = chosen ?? CADENCES;
    const date = typeof args.values.date === "string" ? parseDay(args.values.date) : null;
    if (!chosen && date && !args.values["dry-run"]) {
      // A day of a running week: send the daily digests, and say why the weekly ones wait.
      const today = todaysListingDay(systemClock);
      const unfinished = cadences.filter((cadence) => periodFor(cadence, date).last >= today);
      for (const cadence of unfinished)
        context.stderr.write(
          `digest send: ${cadence} skipped: ${periodFor(cadence, date).key} has not ended (today is ${today})\n`,
        );
      cadences = cadences.filter((cadence) => !unfinished.includes(cadence));
      if (cadences.length === 0)
        throw new Error(`the periods holding ${date} have not ended; --dry-run previews them`);
    }
    let failed = 0;
    for (const cadence of cadences) {
      const report = await runCadence(context, args, cadence);
      failed += report.failed;
      context.stdout.write(`${cadence} ${formatDigestReport(report)}\n`);
      if (report.mailServerDown !== undefined) {
        context.stderr.write(
          `digest send: ${report.mailServerDown}; stopped without using up any digest's attempts: run again once the server is back\n`,
        );
        return 1;
      }
    }
    return failed > 0 ? 1 : 0;
  },
};
