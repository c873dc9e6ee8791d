import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type BetterSqlite3 from "better-sqlite3";

/** The first of these files (relative to this module) that exists: the build's copy, or from src/ the dist one. */
export function builtFile(...candidates: string[]): string | null {
  for (const candidate of candidates) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) return path;
  }
  return null;
}

/** A SQLite extension compiled from native/NAME.c by scripts/build-native.mjs; null where it was not built. */
function extensionFile(name: string): string | null {
  return builtFile(`../../native/${name}.so`, `../../../dist/native/${name}.so`);
}

/** The statement deadline (native/sqlite-deadline.c): loaded by reader threads. */
export const DEADLINE_EXTENSION = extensionFile("sqlite-deadline");
/** BM25 with given document counts (native/sqlite-rank.c): loaded by every connection that can. */
export const RANK_EXTENSION = extensionFile("sqlite-rank");

/** Loads an extension into a connection; false when there is none or it does not load. */
export function loadExtension(db: BetterSqlite3.Database, file: string | null): boolean {
  if (!file) return false;
  try {
    db.loadExtension(file);
    return true;
  } catch {
    return false;
  }
}
