import { invalid } from "../../core/errors.js";

/** Cursors are opaque to clients: the last arXiv id of a page, base64url-encoded. */
export function encodeCursor(id: string): string {
  return Buffer.from(id, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string | undefined): string | null {
  if (cursor === undefined || cursor === "") return null;
  const id = Buffer.from(cursor, "base64url").toString("utf8");
  if (!/^[a-z-]*\/?\d{4}\.?\d{3,5}$/.test(id)) throw invalid("cursor is not one this server gave out");
  return id;
}
