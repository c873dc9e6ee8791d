import { existsSync, renameSync, rmSync, statSync } from "node:fs";
import BetterSqlite3 from "better-sqlite3";

/** The largest step better-sqlite3 takes: every remaining page at once. */
const ALL_PAGES = 0x7fffffff;

export interface BackupResult {
  readonly file: string;
  readonly bytes: number;
  readonly papers: number;
}

/**
 * An online, consistent copy of a SQLite database while other processes use it, through SQLite's backup API
 * (a write from another connection between two steps makes the copy start over, so the rest is copied in one
 * step, under one read snapshot that WAL lets writers work beside). The copy
 * is written beside the target and renamed into place only after it passed an integrity check.
 */
export async function backupSqlite(source: string, file: string): Promise<BackupResult> {
  if (existsSync(file)) throw new Error(`${file} already exists: choose a new file name`);
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  const db = new BetterSqlite3(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    await db.backup(partial, { progress: () => ALL_PAGES });
  } finally {
    db.close();
  }
  const copy = new BetterSqlite3(partial, { readonly: true });
  try {
    const check = copy.pragma("quick_check", { simple: true });
    if (check !== "ok") throw new Error(`the backup failed its integrity check (${String(check)})`);
    const papers = copy.prepare<[], { n: number }>("select count(*) as n from papers").get()?.n ?? 0;
    copy.close();
    renameSync(partial, file);
    return { file, bytes: statSync(file).size, papers };
  } catch (error) {
    copy.close();
    rmSync(partial, { force: true });
    throw error;
  }
}
