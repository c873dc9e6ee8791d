import { DEMO_CORPUS } from "../paths.js";
import type { Database } from "../storage/database.js";
import { countPapers } from "../storage/papers.js";
import { featureDemoPicks } from "./demo-picks.js";
import { type ImportReport, importFiles } from "./import-files.js";

export interface DemoReport extends ImportReport {
  /** Papers featured by the demo's rule (ingestion/demo-picks.ts). */
  readonly picks: number;
}

/** Loads the bundled demo corpus (real arXiv papers, new on the days they were listed) and features its picks. */
export async function loadDemoCorpus(
  database: Database,
  now: () => Date = () => new Date(),
): Promise<DemoReport> {
  const report = await importFiles(database, [DEMO_CORPUS], { format: "listing", now });
  return { ...report, picks: await featureDemoPicks(database, now()) };
}

/** Loads the demo corpus only into an empty instance; answers null when papers were already there. */
export async function loadDemoIfEmpty(database: Database, now?: () => Date): Promise<DemoReport | null> {
  if ((await countPapers(database)) > 0) return null;
  return loadDemoCorpus(database, now);
}

/** What a demo load did, in one line, with each record it refused on a line of its own. */
export function describeDemo(report: DemoReport, counts: string): string {
  const refused = report.problems.map((p) => `\n  refused ${p.file}:${p.line}: ${p.message}`).join("");
  return `${counts}; featured ${report.picks} papers whose authors say a venue accepted them${refused}`;
}
