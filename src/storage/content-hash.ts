import { hash } from "node:crypto";
import type { PaperRecord } from "../core/paper.js";

/** A digest of everything stored about a paper's metadata; equal digests mean an upsert has nothing to write. */
export function contentHash(record: PaperRecord): string {
  const canonical = JSON.stringify([
    record.title,
    record.abstract,
    record.authors,
    record.categories,
    record.comment,
    record.journalRef,
    record.doi,
    record.license,
    record.versions.map((v) => [v.version, v.created]),
    record.published,
    record.updated,
    record.withdrawn,
  ]);
  return hash("sha1", canonical, "base64url");
}
