import type { Database } from "../../storage/database.js";
import { paperIdsAfter, paperTexts } from "../../storage/embeddings.js";
import type { EmbeddingText } from "../embedders/embedder.js";

/** Ids read per round trip while walking every paper; texts are read 500 at a time once chosen. */
const ID_PAGE = 50_000;
const TEXT_PAGE = 500;

/** A 32-bit FNV-1a hash of an id, mixed with the seed. */
export function sampleHash(id: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < id.length; i += 1) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * The texts of a seeded sample of `size` papers, and how many papers there are, without reading every
 * paper's text: the ids are walked in key order and the `size` whose hashes are lowest are kept (a bottom-k
 * sample: the same papers in whatever order they are read, and a paper in the sample stays in it as papers
 * are added unless one with a lower hash arrives), then only their texts are read.
 */
export async function sampleTexts(
  database: Database,
  size: number,
  seed: number,
): Promise<{ texts: EmbeddingText[]; papers: number }> {
  let kept: { id: string; hash: number }[] = [];
  let papers = 0;
  const trim = () => {
    kept.sort((a, b) => a.hash - b.hash || (a.id < b.id ? -1 : 1));
    kept = kept.slice(0, size);
  };
  for (let after: string | null = null; ; ) {
    const ids = await paperIdsAfter(database, after, ID_PAGE);
    if (ids.length === 0) break;
    papers += ids.length;
    for (const id of ids) kept.push({ id, hash: sampleHash(id, seed) });
    if (kept.length > 2 * size) trim();
    after = ids.at(-1) ?? null;
  }
  trim();
  const chosen = kept.map((k) => k.id).sort();
  const texts: EmbeddingText[] = [];
  for (let i = 0; i < chosen.length; i += TEXT_PAGE) {
    for (const paper of await paperTexts(database, chosen.slice(i, i + TEXT_PAGE)))
      texts.push({ title: paper.title, body: paper.abstract });
  }
  return { texts, papers };
}
