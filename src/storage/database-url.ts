import type { DialectName } from "./database.js";

/**
 * What a DATABASE_URL names, read in one place: config validation, opening the database, where instance
 * files go and what `backup` accepts all ask here rather than testing the URL's scheme themselves.
 */
export function dialectOfUrl(url: string): DialectName | null {
  if (url.startsWith("sqlite:")) return "sqlite";
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) return "postgres";
  return null;
}

export const SUPPORTED_URLS = "sqlite:PATH or postgres://user:pass@host/db";

/**
 * The file of a SQLite URL (`sqlite:data/paperboy.db`, `sqlite:///abs/path.db`, or `:memory:` for
 * `sqlite::memory:`); null for a URL of another backend.
 */
export function sqliteFileOfUrl(url: string): string | null {
  if (dialectOfUrl(url) !== "sqlite") return null;
  const rest = url.replace(/^sqlite:/, "");
  if (rest === ":memory:" || rest === "") return ":memory:";
  return rest.startsWith("//") ? rest.replace(/^\/\//, "") : rest;
}
