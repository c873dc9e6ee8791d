import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { EmbedderIdentity } from "../storage/embedding-types.js";
import { VectorIndex } from "./vector-index.js";
import type { VectorIndexOptions } from "./vector-index-options.js";

/** A saved index and the revision up to which it holds every stored vector of its embedder identity. */
export interface SavedIndex {
  readonly index: VectorIndex;
  readonly revision: number;
}

const SNAPSHOT = /^(.+)-r(\d+)$/;
/** The index's own file in a snapshot; a snapshot of another layout (an HNSW graph) has none and is rebuilt. */
const INDEX_FILE = "vectors.ivf";

/**
 * Vector indexes saved in a folder (beside the SQLite database), one snapshot per embedder identity: a
 * folder `NAME-HASH-rREVISION` holding the index (vector-index.ts) and the ids in key order. A snapshot is written
 * under a temporary name and renamed whole, so a process killed while saving leaves the previous one.
 */
export class VectorIndexFiles {
  constructor(readonly folder: string) {}

  /**
   * The newest snapshot of this identity up to revision `mark` (the database's latest), or null when there is
   * none (or it cannot be read). A snapshot past the database's revision was saved from a later state of it (the
   * database was restored from a backup since) and would hold vectors it no longer has.
   */
  latest(
    identity: EmbedderIdentity,
    dimensions: number,
    options: VectorIndexOptions,
    mark: number,
  ): SavedIndex | null {
    const found = this.snapshots(identity)
      .filter((snapshot) => snapshot.revision <= mark)
      .at(-1);
    if (!found) return null;
    try {
      const ids = readFileSync(join(found.path, "ids.txt"));
      const index = VectorIndex.restore(dimensions, options, join(found.path, INDEX_FILE), ids);
      return { index, revision: found.revision };
    } catch {
      // Another process may have just replaced it; the caller rebuilds from the stored vectors.
      return null;
    }
  }

  /** Saves the index as holding every vector up to `revision`, then removes this identity's older snapshots. */
  async save(identity: EmbedderIdentity, index: VectorIndex, revision: number): Promise<void> {
    mkdirSync(this.folder, { recursive: true });
    const partial = join(this.folder, `.partial-${process.pid}-${Date.now()}`);
    mkdirSync(partial);
    try {
      const ids = index.save(join(partial, INDEX_FILE));
      writeFileSync(join(partial, "ids.txt"), ids);
      renameSync(partial, join(this.folder, `${stem(identity)}-r${revision}`));
    } catch (error) {
      rmSync(partial, { recursive: true, force: true });
      throw error;
    }
    for (const old of this.snapshots(identity).slice(0, -1))
      rmSync(old.path, { recursive: true, force: true });
  }

  /** Removes the snapshots of every other version of this embedder (after a retrained model took over). */
  forgetOthers(identity: EmbedderIdentity): void {
    const prefix = `${safe(identity.name)}-`;
    for (const name of this.names()) {
      if (name.startsWith(prefix) && !name.startsWith(`${stem(identity)}-r`))
        rmSync(join(this.folder, name), { recursive: true, force: true });
    }
  }

  private snapshots(identity: EmbedderIdentity) {
    return this.names()
      .map((name) => SNAPSHOT.exec(name))
      .filter((match) => match?.[1] === stem(identity))
      .map((match) => ({ path: join(this.folder, match?.[0] ?? ""), revision: Number(match?.[2]) }))
      .sort((a, b) => a.revision - b.revision);
  }

  private names(): string[] {
    try {
      return readdirSync(this.folder);
    } catch {
      return [];
    }
  }
}

const safe = (text: string) => text.replace(/[^a-z0-9]+/gi, "_");

/** A file-name-safe name for an identity: versions may hold any character (an http embedder's model name). */
function stem(identity: EmbedderIdentity): string {
  const digest = createHash("sha256").update(`${identity.name}\n${identity.version}`).digest("hex");
  return `${safe(identity.name)}-${digest.slice(0, 16)}`;
}
