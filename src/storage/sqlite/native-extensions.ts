import type BetterSqlite3 from "better-sqlite3";
import { builtFile } from "../../core/built-file.js";

/** A SQLite extension compiled from native/NAME.c by scripts/build-native.mjs; null where it was not built. */
function extensionFile(name: string): string | null {
  return builtFile(import.meta.url, `../../native/${name}.so`, `../../../dist/native/${name}.so`);
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
