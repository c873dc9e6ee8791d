import { formatNames } from "../../ingestion/formats/index.js";
import {
  estimateRecords,
  type ImportReport,
  importBatches,
  readBatches,
} from "../../ingestion/import-files.js";
import type { Command, CommandContext } from "../command.js";
import { Progress } from "../progress.js";

export function formatReport(report: ImportReport): string {
  const counts = `added ${report.added}, updated ${report.updated}, unchanged ${report.unchanged}, rejected ${report.rejected}`;
  return report.cut > 0 ? `${counts}, cut to length limits ${report.cut}` : counts;
}

export async function runImport(
  context: CommandContext,
  files: readonly string[],
  options: { format: string; strict: boolean },
): Promise<ImportReport> {
  // Parsing starts first, on its worker thread, while this thread loads the storage modules (Kysely, the
  // drivers: a few hundred milliseconds) and opens and migrates the database. The database alone, not
  // createServices: an import needs no mailer, HTTP clients or embedder.
  const batches = readBatches(files, { format: options.format });
  try {
    const { openDatabase } = await import("../../storage/open.js");
    const { migrate } = await import("../../storage/migrate.js");
    const { pendingKeywordIndex } = await import("../../storage/keyword-index-queue.js");
    const { finishBulkLoad, isBulkLoad, startBulkLoad } = await import("../../storage/bulk-load.js");
    const { countPapers } = await import("../../storage/papers.js");
    const database = openDatabase(context.config.databaseUrl, { vectorEngine: context.config.vectorEngine });
    const progress = new Progress(context.stderr, "import");
    let bulk = false;
    try {
      await migrate(database, { keepBulkIndexesDropped: true });
      bulk = isBulkLoad(database, await countPapers(database), estimateRecords(files));
      if (bulk) startBulkLoad(database);
      else finishBulkLoad(database);
      const report = await importBatches(database, batches, {
        format: options.format,
        strict: options.strict,
        onProgress: (count) => progress.update(count),
        onProblem: (problem) => context.stderr.write(`${problem.file}:${problem.line}: ${problem.message}\n`),
        // A bulk load stores papers first and their keyword index is built afterwards: the papers are stored
        // (and can be browsed) in a little over half the time; the index costs about the same either way.
        keywordIndex: "later",
      });
      progress.done(report.added + report.updated + report.unchanged + report.rejected);
      const queued = await pendingKeywordIndex(database);
      if (queued > 0)
        context.stderr.write(
          `import: ${queued} papers wait for the keyword index; \`paperboy index\` builds it now, \`paperboy serve\` builds it at start and keeps it current\n`,
        );
      return report;
    } finally {
      // Also after a failed import: the papers it stored are whole, and their indexes must be too.
      if (bulk) buildIndexes(context, () => finishBulkLoad(database));
      await database.close();
    }
  } finally {
    await batches.close();
  }
}

/** Builds the indexes a bulk load went without, saying how long it took. */
function buildIndexes(context: CommandContext, build: () => string[]): void {
  const started = performance.now();
  const built = build();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (built.length > 0)
    context.stderr.write(`import: built the indexes ${built.join(", ")} (${seconds} s)\n`);
}

export const importCommand: Command = {
  name: "import",
  usage: "import FILE... [--format F] [--strict]",
  summary: `bulk load papers from files (.gz or - for stdin); formats: ${formatNames().join(", ")}`,
  options: {
    format: { type: "string", short: "f", default: "listing" },
    strict: { type: "boolean", default: false },
  },
  async run(args, context) {
    if (args.positionals.length === 0) throw new Error("import needs at least one FILE (or - for stdin)");
    if (args.positionals.filter((file) => file === "-").length > 1)
      throw new Error("standard input (-) can be read only once");
    const report = await runImport(context, args.positionals, {
      format: String(args.values.format),
      strict: Boolean(args.values.strict),
    });
    context.stdout.write(`${formatReport(report)}\n`);
    // Records read and not one usable: most likely the wrong --format, which a zero exit would hide.
    if (report.rejected > 0 && report.added + report.updated + report.unchanged === 0) {
      context.stderr.write(
        `import: none of the ${report.rejected} records could be used; check --format (${formatNames().join(", ")})\n`,
      );
      return 1;
    }
    return 0;
  },
};
