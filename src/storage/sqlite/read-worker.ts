import { parentPort, workerData } from "node:worker_threads";
import BetterSqlite3 from "better-sqlite3";
import { loadExtension } from "./native-extensions.js";

/** A query for the reader thread: run it, and stop it once `deadline` (epoch ms, 0 for none) has passed. */
export interface ReadTask {
  readonly id: number;
  readonly sql: string;
  readonly parameters: readonly unknown[];
  readonly deadline: number;
}

export type ReadAnswer =
  | { readonly id: number; readonly rows: unknown[] }
  | { readonly id: number; readonly error: { readonly code: string | null; readonly message: string } };

/** What a reader thread opens: the database file and the extensions to load (null: not built). */
export interface ReaderSetup {
  readonly file: string;
  readonly deadline: string | null;
  readonly rank: string | null;
}

const setup = workerData as ReaderSetup;
const db = new BetterSqlite3(setup.file, { readonly: true, fileMustExist: true });
db.pragma("busy_timeout = 5000");
db.pragma("cache_size = -16384");
const arm = armDeadline(db, setup.deadline);
loadExtension(db, setup.rank);
const statements = new Map<string, BetterSqlite3.Statement>();
const STATEMENTS_KEPT = 500;

/** The deadline setter, when the extension loads; without it statements run to their end. */
function armDeadline(db: BetterSqlite3.Database, extension: string | null) {
  if (!loadExtension(db, extension)) return null;
  const statement = db.prepare("select paperboy_deadline(?)");
  return (ms: number) => statement.get(ms);
}

function prepared(sql: string): BetterSqlite3.Statement {
  let statement = statements.get(sql);
  if (!statement) {
    if (statements.size >= STATEMENTS_KEPT) statements.clear();
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}

function run(task: ReadTask): ReadAnswer {
  const left = task.deadline > 0 ? task.deadline - Date.now() : 0;
  if (task.deadline > 0 && left <= 0)
    return { id: task.id, error: { code: "SQLITE_INTERRUPT", message: "past its deadline" } };
  arm?.(Math.max(0, Math.ceil(left)));
  try {
    const statement = prepared(task.sql);
    if (statement.reader) return { id: task.id, rows: statement.all(...task.parameters) };
    statement.run(...task.parameters);
    return { id: task.id, rows: [] };
  } catch (error) {
    const { code, message } = error as Error & { code?: string };
    return { id: task.id, error: { code: code ?? null, message } };
  } finally {
    arm?.(0);
  }
}

parentPort?.on("message", (task: ReadTask) => parentPort?.postMessage(run(task)));
