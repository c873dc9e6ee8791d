import { DEMO_CORPUS } from "../paths.js";
import type { Database } from "../storage/database.js";
import { countPapers } from "../storage/papers.js";
import { type ImportReport, importFiles } from "./import-files.js";

/** Loads the bundled demo corpus: real arXiv papers with the days they were listed on. */
export function loadDemoCorpus(database: Database): Promise<ImportReport> {
  return importFiles(database, [DEMO_CORPUS], { format: "listing" });
}

/** Loads the demo corpus only into an empty instance; answers null when papers were already there. */
export async function loadDemoIfEmpty(database: Database): Promise<ImportReport | null> {
  if ((await countPapers(database)) > 0) return null;
  return loadDemoCorpus(database);
}
