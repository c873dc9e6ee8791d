import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The shared data folder beside the checkout (../shared/data), or SHARED_DATA. Benchmarks only. */
export const SHARED_DATA =
  process.env.SHARED_DATA ?? resolve(fileURLToPath(new URL("../../shared/data", import.meta.url)));

/** Returns the path under the shared data folder, or null after saying that it is missing. */
export function sharedPath(relative: string): string | null {
  const path = resolve(SHARED_DATA, relative);
  if (existsSync(path)) return path;
  console.log(`skipped: ${path} is missing (benchmarks need ../shared/data or SHARED_DATA)`);
  return null;
}

/** The 32 gzip files of the shared daily listings (74,728 papers), or null after saying they are missing. */
export function sharedListingFiles(): string[] | null {
  const folder = sharedPath("arxiv-daily-listings/papers");
  if (!folder) return null;
  return readdirSync(folder)
    .filter((name) => name.endsWith(".jsonl.gz"))
    .sort()
    .map((name) => join(folder, name));
}
