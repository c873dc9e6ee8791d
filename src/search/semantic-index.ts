import type { Database } from "../storage/database.js";
import { embeddingWatermark } from "../storage/embedding-revisions.js";
import { loadVectors, papersWithoutVectors, saveVectors, storedVector } from "../storage/embeddings.js";
import { detectPgvector, ensurePgvectorIndex, type Pgvector } from "../storage/postgres/pgvector.js";
import {
  backfillPgvectors,
  countPgvectors,
  pgvectorNearest,
  pgvectorOf,
} from "../storage/postgres/pgvector-vectors.js";
import type { Embedder } from "./embedders/embedder.js";
import type { EmbedderSource } from "./embedders/source.js";
import { type Feedback, NO_FEEDBACK, withFeedback } from "./hybrid.js";
import { type Match, VECTOR_INDEX_DEFAULTS, VectorIndex, type VectorIndexOptions } from "./vector-index.js";
import type { VectorIndexFiles } from "./vector-index-files.js";

/** Papers embedded and stored per round trip: big enough to amortise, small enough to keep memory flat. */
const EMBED_BATCH = 500;
/** Revisions of stored vectors read per round trip when catching up (a revision is one batch: 500 vectors). */
const REVISIONS_PER_READ = 40;
/**
 * The index is saved once it holds this many vectors, and again whenever it holds this many more than its
 * last save or as many more as that save held, up to CHECKPOINT_MAX: a long embedding killed halfway redoes
 * at most that many graph insertions, and a day's papers wait in the database until enough have gathered.
 */
const SAVE_FROM = 20_000;
const CHECKPOINT_MAX = 500_000;
/** Hears how many papers a refresh has embedded so far. */
export type Progress = (embedded: number) => void;

/** How often a process looks for new vectors and new papers unless told otherwise (SEMANTIC_REFRESH_SECONDS). */
export const DEFAULT_REFRESH_MS = 15_000;

/**
 * Semantic search state for one process: the embedder in use and an in-memory index of its stored vectors.
 * Each refresh first catches up with the database (the model another process may have retrained, vectors other
 * processes stored since the last look, found through the embedder's revision counter), then embeds, stores and
 * indexes the papers that still have no vector. Every process that refreshes embeds what is missing; the stored
 * model makes them all embed alike, and a vector written twice is the same vector. Where the database has
 * pgvector, there is no index in memory: neighbours are searched in the database, new vectors seen at once.
 */
export class SemanticIndex {
  private embedder: Embedder | null = null;
  private index: VectorIndex | null = null;
  private pgvector: Pgvector | null = null;
  /** With pgvector: the vectors stored at load, plus those this process stored since. */
  private stored = 0;
  /** Every stored vector up to this revision is in the index (vectors stored before revisions existed have 0). */
  private revision = -1;
  /** Revisions this process wrote itself (already indexed) and has not yet seen go past in a poll. */
  private readonly own = new Set<number>();
  private refreshing: Promise<number> | null = null;
  private building: Promise<number> | null = null;
  private refreshedAt = Number.NEGATIVE_INFINITY;
  /** Vectors in the index when it was last saved or restored. */
  private savedSize = 0;
  private changes = 0;

  constructor(
    private readonly database: Database,
    private readonly source: EmbedderSource,
    private readonly options: VectorIndexOptions = VECTOR_INDEX_DEFAULTS,
    readonly refreshIntervalMs: number = DEFAULT_REFRESH_MS,
    /** Where the index is saved and restored from (beside a SQLite database); null keeps it in memory only. */
    private readonly files: VectorIndexFiles | null = null,
  ) {}

  /** The embedder's identity, or null before there is one. */
  get identity(): { name: string; version: string } | null {
    return this.embedder ? { name: this.embedder.name, version: this.embedder.version } : null;
  }

  get size(): number {
    return this.index?.size ?? this.stored;
  }

  /** Where neighbours are searched: in this process's memory, or in PostgreSQL through pgvector. */
  get engine(): "memory" | "pgvector" | null {
    if (!this.embedder) return null;
    return this.pgvector ? "pgvector" : "memory";
  }

  get vectors(): VectorIndex | null {
    return this.index;
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
   * `onProgress` hears the running count after each stored batch (unless a refresh was already under way).
   */
  refresh(onProgress?: Progress): Promise<number> {
    this.refreshing ??= this.refreshNow(onProgress).finally(() => {
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
      if (!this.building) await this.refreshing?.catch(() => undefined);
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

  /** Retrains (built-in embedders) and re-embeds every paper. */
  async rebuild(onProgress?: Progress): Promise<number> {
    await this.refreshing?.catch(() => undefined);
    const work = async () => {
      await this.load(await this.source.rebuild());
      return this.embedMissing(onProgress);
    };
    this.refreshing = work().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /** The papers nearest to a text, its vector pulled towards the feedback papers' (see hybrid.ts). */
  async searchText(text: string, k: number, feedback: Feedback = NO_FEEDBACK): Promise<Match[]> {
    await this.refreshIfDue();
    const embedder = this.embedder;
    if (!embedder || text.trim() === "") return [];
    const [vector] = await embedder.embed([{ title: "", body: text }]);
    if (!vector) return [];
    const like = await Promise.all(feedback.papers.map((id) => this.vectorOf(embedder, id)));
    const pulled = withFeedback(
      vector,
      like.flatMap((v) => v ?? []),
      feedback.weight,
    );
    // A text the embedder knows no word of (`zzqqxx` to LSA) is the zero vector: it is near nothing, and the
    // index would answer arbitrary papers.
    if (pulled.every((x) => x === 0)) return [];
    return this.nearest(embedder, pulled, k);
  }

  /** The papers nearest to a paper, itself left out. */
  async similar(id: string, k: number): Promise<Match[]> {
    await this.refreshIfDue();
    const embedder = this.embedder;
    if (!embedder) return [];
    const vector = await this.vectorOf(embedder, id);
    return vector ? this.nearest(embedder, vector, k, new Set([id])) : [];
  }

  /** A paper's vector, read where it is stored: the index keeps none it could give back. */
  private async vectorOf(embedder: Embedder, id: string): Promise<Float32Array | null> {
    if (this.pgvector) return pgvectorOf(this.database, embedder, id);
    return storedVector(this.database, embedder, id);
  }

  private async nearest(embedder: Embedder, vector: Float32Array, k: number, exclude?: ReadonlySet<string>) {
    if (this.pgvector) return pgvectorNearest(this.database, this.pgvector, embedder, vector, k, exclude);
    return this.index?.search(vector, k, exclude) ?? [];
  }

  private async refreshIfDue(): Promise<void> {
    if (this.building) return;
    if (!this.embedder || performance.now() - this.refreshedAt > this.refreshIntervalMs) await this.refresh();
  }

  /** One refresh: catch up with the stored model and vectors, then embed the papers that have none. */
  private async refreshNow(onProgress?: Progress): Promise<number> {
    this.refreshedAt = performance.now();
    await this.catchUp();
    return this.embedMissing(onProgress);
  }

  private async catchUp(): Promise<void> {
    if (!this.embedder) return this.load(await this.source.current());
    const mark = await embeddingWatermark(this.database, this.embedder.name);
    if (mark.model !== null && mark.model !== this.embedder.version) {
      return this.load(await this.source.latest());
    }
    if (mark.revision > this.revision && !this.pgvector) await this.addStored(mark.revision);
  }

  /** Starts over with this embedder: an empty index filled from its stored vectors. */
  private async load(embedder: Embedder | null): Promise<void> {
    this.changes += 1;
    this.embedder = embedder;
    this.index = null;
    this.revision = -1;
    this.own.clear();
    // Too few papers to train on yet: a later refresh tries again.
    if (!embedder) return;
    // Remote embedders learn their dimensions from their first answer.
    if (embedder.dimensions === 0) await embedder.embed([{ title: "", body: "dimensions" }]);
    this.pgvector = await detectPgvector(this.database);
    if (this.pgvector) {
      await ensurePgvectorIndex(this.database, this.pgvector, embedder);
      await backfillPgvectors(this.database, this.pgvector, embedder);
      this.stored = await countPgvectors(this.database, embedder);
      return;
    }
    const saved = this.files?.latest(embedder, embedder.dimensions, this.options) ?? null;
    this.index = saved?.index ?? VectorIndex.create(embedder.dimensions, this.options);
    this.revision = saved?.revision ?? -1;
    this.savedSize = this.index.size;
    await this.addStored((await embeddingWatermark(this.database, embedder.name)).revision);
  }

  /**
   * Indexes the vectors stored after the last revision seen up to `mark`, a few revisions per read so that
   * memory stays flat however many there are, except those this process wrote itself.
   */
  private async addStored(mark: number): Promise<void> {
    const { embedder, index } = this;
    if (!embedder || !index) return;
    while (this.revision < mark) {
      const upTo = Math.min(mark, Math.max(this.revision, 0) + REVISIONS_PER_READ);
      const stored = await loadVectors(this.database, embedder, this.revision, upTo);
      index.add(
        stored.filter((v) => !this.own.has(v.revision)).map((v) => ({ id: v.paperId, vector: v.vector })),
        0,
      );
      this.changes += 1;
      this.revision = upTo;
    }
    for (const revision of this.own) if (revision <= this.revision) this.own.delete(revision);
  }

  /**
   * Moves the revision seen up to the latest one without reading anything when every revision between was
   * this process's own (a lone embedding run); otherwise catches up by reading what others stored.
   */
  private async advance(): Promise<void> {
    const embedder = this.embedder;
    if (!embedder) return;
    const mark = (await embeddingWatermark(this.database, embedder.name)).revision;
    let onlyOwn = true;
    for (let revision = this.revision + 1; revision <= mark && onlyOwn; revision += 1)
      onlyOwn = this.own.has(revision);
    if (!onlyOwn) return this.addStored(mark);
    this.revision = Math.max(this.revision, mark);
    for (const revision of this.own) if (revision <= this.revision) this.own.delete(revision);
  }

  /** Saves the index when enough vectors arrived since its last save (see SAVE_FROM). */
  private async saveIfDue(): Promise<void> {
    const { files, embedder, index } = this;
    if (!files || !embedder || !index || index.size < SAVE_FROM) return;
    if (index.size - this.savedSize < Math.max(SAVE_FROM, Math.min(this.savedSize, CHECKPOINT_MAX))) return;
    await this.advance();
    files.save(embedder, index, this.revision);
    this.savedSize = index.size;
  }

  private async embedMissing(onProgress: Progress = () => undefined): Promise<number> {
    const { embedder, index } = this;
    if (!embedder || !(index || this.pgvector)) return 0;
    let total = 0;
    let after: string | undefined;
    for (;;) {
      // Papers stored behind the cursor meanwhile are found by the next refresh, which starts from the first.
      const papers = await papersWithoutVectors(this.database, embedder, EMBED_BATCH, after);
      if (papers.length === 0) return total;
      after = papers.at(-1)?.id;
      const vectors = await embedder.embed(papers.map((p) => ({ title: p.title, body: p.abstract })));
      const entries = papers.map((p, i) => ({
        id: p.id,
        vector: vectors[i] ?? new Float32Array(embedder.dimensions),
      }));
      const revision = await saveVectors(
        this.database,
        embedder,
        entries.map((e) => ({ paperId: e.id, vector: e.vector })),
      );
      this.own.add(revision);
      index?.add(entries, 0);
      this.changes += 1;
      this.stored += index ? 0 : papers.length;
      total += papers.length;
      onProgress(total);
      await this.saveIfDue();
    }
  }
}
