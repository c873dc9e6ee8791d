import type { Database } from "../storage/database.js";
import { embeddingWatermark } from "../storage/embedding-revisions.js";
import { storedVector, storedVectors } from "../storage/embeddings.js";
import { pgvectorNearest, pgvectorOf } from "../storage/postgres/pgvector-vectors.js";
import { forgetOtherVersions } from "../storage/retrained-models.js";
import { cosine, type Embedder } from "./embedders/embedder.js";
import type { EmbedderSource } from "./embedders/source.js";
import { type Feedback, NO_FEEDBACK, withFeedback } from "./hybrid.js";
import {
  type EmbedOptions,
  IndexedEmbedder,
  type IndexedEmbedderDeps,
  type Progress,
} from "./indexed-embedder.js";
import type { Match, VectorIndex } from "./vector-index.js";
import type { VectorIndexFiles } from "./vector-index-files.js";
import { VECTOR_INDEX_DEFAULTS, type VectorIndexOptions } from "./vector-index-options.js";

export type { Progress } from "./indexed-embedder.js";

/** How often a process looks for new vectors and new papers unless told otherwise (SEMANTIC_REFRESH_SECONDS). */
export const DEFAULT_REFRESH_MS = 15_000;

const ignore = () => undefined;

/**
 * The index's best this many (three times k when k is smaller) are ranked again by their stored vectors; a deeper
 * ranking (hybrid's 100) keeps the index's order past them. On the 3,000,000-paper archive ranking 30 again for
 * the top 10 took agreement with the exact scan from 90.9% to 92.1% (docs/performance.md), and 50 or 100 did no
 * better; reading 120 stored vectors for each of hybrid's searches cost 2.3 ms at the median, 9.9 at p99.
 */
const RANKED_AGAIN = 30;

/**
 * Semantic search state for one process: the embedder in use and an index of its stored vectors
 * (indexed-embedder.ts). Each refresh first catches up with the database (the model another process may have
 * retrained, vectors other processes stored since the last look, found through the embedder's revision
 * counter), then embeds, stores and indexes the papers that still have no vector. Every process that refreshes
 * embeds what is missing; the stored model makes them all embed alike, and a vector written twice is the same
 * vector. A retrained model is loaded beside the one in use, which answers until the new one is whole.
 */
export class SemanticIndex {
  private current: IndexedEmbedder | null = null;
  private refreshing: Promise<number> | null = null;
  private building: Promise<number> | null = null;
  private refreshedAt = Number.NEGATIVE_INFINITY;
  private changes = 0;
  private readonly deps: IndexedEmbedderDeps;

  constructor(
    database: Database,
    private readonly source: EmbedderSource,
    options: VectorIndexOptions = VECTOR_INDEX_DEFAULTS,
    readonly refreshIntervalMs: number = DEFAULT_REFRESH_MS,
    /** Where the index is saved and restored from (services.ts); null keeps it in memory only. */
    files: VectorIndexFiles | null = null,
  ) {
    this.deps = { database, options, files };
  }

  /** The embedder's identity, or null before there is one. */
  get identity(): { name: string; version: string } | null {
    const embedder = this.current?.embedder;
    return embedder ? { name: embedder.name, version: embedder.version } : null;
  }

  get size(): number {
    return this.current?.size ?? 0;
  }

  /** Where neighbours are searched: in this process's memory, or in PostgreSQL through pgvector. */
  get engine(): "memory" | "pgvector" | null {
    if (!this.current) return null;
    return this.current.pgvector ? "pgvector" : "memory";
  }

  get vectors(): VectorIndex | null {
    return this.current?.index ?? null;
  }

  /**
   * Moves whenever what this process's searches can find moves: a new embedder, vectors added to the index.
   * The data version alone does not say it: other processes store vectors that this one indexes only at its
   * next refresh, and this one stores its own a moment before indexing them (see search/budget.ts).
   */
  get generation(): number {
    return this.changes;
  }

  /**
   * Catches up with the database, then embeds what has no vector yet; returns how many papers it embedded.
   * `onProgress` hears the running count after each stored batch (unless a refresh was already under way);
   * `options` likewise apply only when no refresh was under way.
   */
  refresh(onProgress?: Progress, options?: EmbedOptions): Promise<number> {
    this.refreshing ??= this.refreshNow(onProgress, options).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /** Refreshes every refreshIntervalMs in the background (serve); returns what stops it and awaits the last. */
  startRefreshing(onError: (error: unknown) => void): () => Promise<void> {
    const timer = setInterval(() => {
      this.refresh().catch(onError);
    }, this.refreshIntervalMs);
    timer.unref();
    return async () => {
      clearInterval(timer);
      // A first build may be training for tens of seconds: stopping does not wait for it.
      if (!this.building) await this.refreshing?.catch(ignore);
    };
  }

  /**
   * The first refresh of a server that already listens (serve): it may train the built-in model, which takes
   * tens of seconds on a first start. Until it ends, searches do not wait for it: they answer with what the index
   * holds (nothing before the model exists), and `isBuilding` says so.
   */
  startBuilding(onProgress?: Progress): Promise<number> {
    const build = this.refresh(onProgress).finally(() => {
      this.building = null;
    });
    this.building = build;
    return build;
  }

  /** A first build (startBuilding) is under way: semantic results may be missing or incomplete. */
  get isBuilding(): boolean {
    return this.building !== null;
  }

  /**
   * Retrains a built-in embedder without taking semantic search away (docs/search.md#retraining): the new model
   * is stored as a candidate, every paper is embedded with it beside the vectors in use, and only then is it
   * promoted, which every process sharing the database follows at its next refresh. A retrain killed halfway
   * resumes its candidate. Returns how many papers it embedded; 0 when the embedder is not trainable.
   */
  async retrain(onProgress: Progress = ignore): Promise<number> {
    await this.refresh();
    const candidate = await this.source.candidate();
    if (!candidate || candidate.version === this.current?.embedder.version) return 0;
    const next = await IndexedEmbedder.load(this.deps, candidate);
    // Nothing searches the candidate before it is whole: its index can partition once, at the end.
    const embedded = await next.embedMissing(onProgress, { bulk: true });
    await next.save(true);
    await this.source.promote(candidate);
    this.swap(next);
    return embedded + (await this.refresh());
  }

  /**
   * Saves the vector index at the end of a run (see IndexedEmbedder.save): the next process to start
   * restores it instead of inserting what came after the last checkpoint again (at 300,000 papers that was
   * 140,000 vectors, 125 s of serve's start).
   */
  async saveIndex(): Promise<void> {
    await this.current?.save(true);
  }

  /**
   * Deletes the vectors of this embedder's other versions (a retrained model's predecessor), once every
   * process has moved to the model in use; returns how many it deleted.
   */
  async forgetRetired(): Promise<number> {
    const identity = this.identity;
    if (!identity) return 0;
    this.deps.files?.forgetOthers(identity);
    return forgetOtherVersions(this.deps.database, identity);
  }

  /** The papers nearest to a text, its vector pulled towards the feedback papers' (see hybrid.ts). */
  async searchText(text: string, k: number, feedback: Feedback = NO_FEEDBACK): Promise<Match[]> {
    await this.refreshIfDue();
    const current = this.current;
    if (!current || text.trim() === "") return [];
    const [vector] = await current.embedder.embed([{ title: "", body: text }]);
    if (!vector) return [];
    const like = await Promise.all(feedback.papers.map((id) => this.vectorOf(current, id)));
    const pulled = withFeedback(
      vector,
      like.flatMap((v) => v ?? []),
      feedback.weight,
    );
    // A text the embedder knows no word of (`zzqqxx` to LSA) is the zero vector: it is near nothing, and the
    // index would answer arbitrary papers.
    if (pulled.every((x) => x === 0)) return [];
    return this.nearest(current, pulled, k);
  }

  /**
   * The papers nearest to a paper, itself left out. In memory the index's own 8-bit copy of its vector makes the
   * query, and its stored vector is read with the candidates ranked again: one read fewer.
   */
  async similar(id: string, k: number): Promise<Match[]> {
    await this.refreshIfDue();
    const current = this.current;
    if (!current) return [];
    const held = current.pgvector ? null : (current.index?.vector(id) ?? null);
    const vector = held ?? (await this.vectorOf(current, id));
    return vector ? this.nearest(current, vector, k, new Set([id]), held ? id : undefined) : [];
  }

  /** A paper's vector, read where it is stored: the index keeps none it could give back. */
  private vectorOf(current: IndexedEmbedder, id: string): Promise<Float32Array | null> {
    if (current.pgvector) return pgvectorOf(this.deps.database, current.embedder, id);
    return storedVector(this.deps.database, current.embedder, id);
  }

  /** `queryPaper`: the paper whose index copy `vector` is; its stored vector ranks the candidates again. */
  private async nearest(
    current: IndexedEmbedder,
    vector: Float32Array,
    k: number,
    exclude?: ReadonlySet<string>,
    queryPaper?: string,
  ) {
    const { embedder, pgvector, index } = current;
    if (pgvector) {
      const breadth = this.deps.options.expansionSearch;
      return pgvectorNearest(this.deps.database, pgvector, embedder, vector, k, exclude, breadth);
    }
    if (!index) return [];
    // The index ranks by 8-bit vectors: its best few are ranked again by the stored ones, exactly.
    const found = index.search(vector, Math.max(k, Math.min(3 * k, RANKED_AGAIN)), exclude);
    const head = found.slice(0, RANKED_AGAIN);
    const ids = head.map((m) => m.id);
    const stored = await storedVectors(this.deps.database, embedder, queryPaper ? [queryPaper, ...ids] : ids);
    const query = (queryPaper && stored.get(queryPaper)) || vector;
    const again = head
      .map((m) => {
        const v = stored.get(m.id);
        return v ? { id: m.id, score: cosine(query, v) } : m;
      })
      .sort((a, b) => b.score - a.score);
    return [...again, ...found.slice(RANKED_AGAIN)].slice(0, k);
  }

  /**
   * Searches start a due refresh and answer with what the index holds; only a process with no index yet waits
   * for its first. Searches that waited paid the refresh's counts of papers and vectors after any write: about
   * 420 ms at 3,000,000 papers. A failure is the next refresh's to report (serve's timer logs it).
   */
  private async refreshIfDue(): Promise<void> {
    if (this.building || (this.refreshing && this.current)) return;
    if (!this.current) await this.refresh();
    else if (performance.now() - this.refreshedAt > this.refreshIntervalMs) this.refresh().catch(ignore);
  }

  /** One refresh: catch up with the stored model and vectors, then embed the papers that have none. */
  private async refreshNow(onProgress: Progress = ignore, options: EmbedOptions = {}): Promise<number> {
    this.refreshedAt = performance.now();
    await this.catchUp();
    const current = this.current;
    if (!current) return 0;
    return current.embedMissing((total) => {
      this.changes += 1;
      return onProgress(total);
    }, options);
  }

  private async catchUp(): Promise<void> {
    const current = this.current;
    if (!current) return this.load(await this.source.current());
    const mark = await embeddingWatermark(this.deps.database, current.embedder.name);
    if (mark.model !== null && mark.model !== current.embedder.version) {
      return this.load(await this.source.latest());
    }
    if (await current.catchUp(mark.revision)) this.changes += 1;
  }

  /** Moves to this embedder once its index is whole; until then the one in use keeps answering. */
  private async load(embedder: Embedder | null): Promise<void> {
    // Too few papers to train on yet: a later refresh tries again.
    if (embedder) this.swap(await IndexedEmbedder.load(this.deps, embedder));
  }

  private swap(next: IndexedEmbedder): void {
    this.current = next;
    this.changes += 1;
  }
}
