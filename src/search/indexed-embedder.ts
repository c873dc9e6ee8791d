import { dataVersion } from "../storage/data-version.js";
import type { Database } from "../storage/database.js";
import { embeddingWatermark } from "../storage/embedding-revisions.js";
import {
  loadVectors,
  missingVectors,
  newestPaperRow,
  papersWithoutVectors,
  saveVectors,
} from "../storage/embeddings.js";
import {
  detectPgvector,
  dropPgvectorIndex,
  ensurePgvectorIndex,
  type Pgvector,
} from "../storage/postgres/pgvector.js";
import {
  backfillPgvectors,
  countPgvectors,
  countPgvectorsOfEmbedder,
} from "../storage/postgres/pgvector-vectors.js";
import type { BulkEmbedding, Embedder, EmbeddingText } from "./embedders/embedder.js";
import { VectorIndex } from "./vector-index.js";
import type { VectorIndexFiles } from "./vector-index-files.js";
import type { VectorIndexOptions } from "./vector-index-options.js";

/** Papers embedded and stored per round trip: big enough to amortise, small enough to keep memory flat. */
const EMBED_BATCH = 500;
/** Batches a run embeds in place before it moves embedding off this thread (a day's papers stay in place). */
const BULK_AFTER_BATCHES = 8;
/** Revisions of stored vectors read per round trip when catching up (a revision is one batch: 500 vectors). */
const REVISIONS_PER_READ = 40;
/**
 * The index is saved once it holds this many vectors, and again whenever it holds this many more than its
 * last save or as many more as that save held, up to CHECKPOINT_MAX: a long embedding killed halfway redoes
 * at most that many vectors' embedding, and a day's papers wait in the database until enough have gathered.
 */
const SAVE_FROM = 20_000;
const CHECKPOINT_MAX = 500_000;
/**
 * With pgvector, a run that has at least this many papers to embed, and at least as many as the embedder's HNSW
 * index holds (every version), builds the index at its end instead of inserting into it (dropPgvectorIndex).
 * A retrained model's run inserts into the index the current model's vectors are searched through.
 */
const PGVECTOR_BULK = 20_000;
/**
 * A run with at least this many papers to embed walks them oldest first, so that their vectors are stored in id
 * order (papersWithoutVectors); a shorter one, a day's papers, newest first, where they are.
 */
const OLDEST_FIRST_FROM = 20_000;
/**
 * A run asked to (EmbedOptions) with at least this many papers to embed lets the vectors gather unsorted and
 * partitions the in-memory index once at its end (VectorIndex.defer), instead of at every doubling.
 */
const DEFER_FROM = 50_000;

export interface EmbedOptions {
  /**
   * A bulk run (DEFER_FROM): the index partitions once, when the run ends; searches meanwhile scan every
   * vector gathered, so only a process that serves no search from this index asks (`paperboy index`, a retrain).
   */
  readonly bulk?: boolean;
}

/** Hears how many papers a refresh has embedded so far; embedding goes on once it has returned (or resolved). */
export type Progress = (embedded: number) => void | Promise<void>;

/** Where one embedder's vectors are found and kept: the database, and the saved index's files. */
export interface IndexedEmbedderDeps {
  readonly database: Database;
  readonly options: VectorIndexOptions;
  readonly files: VectorIndexFiles | null;
}

/**
 * One embedder and the index of its stored vectors: in this process's memory, or pgvector's table in
 * PostgreSQL. It is built whole before a process searches it, so a process that moves to a retrained model
 * keeps answering with the old one until the new one is ready.
 */
export class IndexedEmbedder {
  /** With pgvector: the vectors stored at load, plus those this process stored since. */
  private stored = 0;
  /** Every stored vector up to this revision is in the index (vectors stored before revisions existed have 0). */
  private revision = -1;
  /** Revisions this process wrote itself (already indexed) and has not yet seen go past in a poll. */
  private readonly own = new Set<number>();
  /** Vectors in the index when it was last saved or restored. */
  private savedSize = 0;
  /** The data version (storage/data-version.ts) at the start of the last run that left no paper without a vector. */
  private settled: string | null = null;
  /** SQLite: the papers' greatest row id at the start of that run (newestPaperRow). */
  private settledRow: number | null = null;

  private constructor(
    private readonly deps: IndexedEmbedderDeps,
    readonly embedder: Embedder,
    readonly index: VectorIndex | null,
    readonly pgvector: Pgvector | null,
  ) {}

  /** The embedder's index filled from its saved snapshot and the vectors stored after it. */
  static async load(deps: IndexedEmbedderDeps, embedder: Embedder): Promise<IndexedEmbedder> {
    // Remote embedders learn their dimensions from their first answer.
    if (embedder.dimensions === 0) await embedder.embed([{ title: "", body: "dimensions" }]);
    const pgvector = await detectPgvector(deps.database);
    if (pgvector) {
      await backfillPgvectors(deps.database, pgvector, embedder);
      // A bulk run builds the index at its end; until then searches read every vector.
      const missing = await missingVectors(deps.database, embedder);
      if (!(await pgvectorBulk(deps, embedder, missing)))
        await ensurePgvectorIndex(deps.database, pgvector, embedder);
      const loaded = new IndexedEmbedder(deps, embedder, null, pgvector);
      loaded.stored = await countPgvectors(deps.database, embedder);
      return loaded;
    }
    const mark = (await embeddingWatermark(deps.database, embedder.name)).revision;
    const saved = deps.files?.latest(embedder, embedder.dimensions, deps.options, mark) ?? null;
    const index = saved?.index ?? VectorIndex.create(embedder.dimensions, deps.options);
    const loaded = new IndexedEmbedder(deps, embedder, index, null);
    loaded.revision = saved?.revision ?? -1;
    loaded.savedSize = index.size;
    await loaded.catchUp(mark);
    return loaded;
  }

  get size(): number {
    return this.index?.size ?? this.stored;
  }

  /**
   * Indexes what other processes stored since the last look, up to revision `mark` of the embedder's counter;
   * returns whether anything was read.
   */
  async catchUp(mark: number): Promise<boolean> {
    if (this.pgvector || mark <= this.revision) return false;
    await this.addStored(mark);
    return true;
  }

  /**
   * Indexes the vectors stored after the last revision seen up to `mark`, a few revisions per read so that
   * memory stays flat however many there are, except those this process wrote itself. Reading a whole archive
   * (a process starting without a snapshot) partitions the index once, at the end.
   */
  private async addStored(mark: number): Promise<void> {
    const index = this.index;
    if (!index) return;
    const deferred =
      (mark - this.revision) * EMBED_BATCH >= (this.deps.options.deferFrom ?? DEFER_FROM) && index.defer();
    try {
      while (this.revision < mark) {
        const upTo = Math.min(mark, Math.max(this.revision, 0) + REVISIONS_PER_READ);
        const stored = await loadVectors(this.deps.database, this.embedder, this.revision, upTo);
        index.add(
          stored.filter((v) => !this.own.has(v.revision)).map((v) => ({ id: v.paperId, vector: v.vector })),
          0,
        );
        this.revision = upTo;
      }
    } finally {
      if (deferred) index.settle();
    }
    for (const revision of this.own) if (revision <= this.revision) this.own.delete(revision);
  }

  /**
   * Embeds, stores and indexes the papers that have no vector from this embedder yet, batch by batch;
   * `onBatch` hears the running count after each. The next batch is read and handed to the embedder's
   * off-thread copy (where it has one) before this one goes into the index.
   */
  async embedMissing(onBatch: Progress, options: EmbedOptions = {}): Promise<number> {
    const { embedder, index } = this;
    // Nothing written since a run found every paper embedded: nothing to look for. Looking counts every paper
    // and every vector (about 200 ms at 3,000,000 papers, every refresh interval).
    const version = await dataVersion(this.deps.database);
    if (version === this.settled) return 0;
    // On SQLite a write that brought no paper (a vote, a comment) leaves the papers' last row id as it was:
    // nothing to count either.
    const newestRow = await newestPaperRow(this.deps.database);
    if (newestRow !== null && newestRow === this.settledRow) {
      this.settled = version;
      return 0;
    }
    // The copy costs a thread and a copy of the model: taken once a run has shown itself long.
    let bulk: BulkEmbedding | null | undefined;
    let batches = 0;
    let buildIndexAfter = false;
    let deferred = false;
    const embed = (texts: readonly EmbeddingText[]) => {
      batches += 1;
      if (bulk === undefined && batches > BULK_AFTER_BATCHES) bulk = embedder.bulk?.() ?? null;
      return (bulk ?? embedder).embed(texts);
    };
    try {
      let total = 0;
      // The walk stops once it has found this many: a day's new papers come first (papersWithoutVectors).
      const missing = await missingVectors(this.deps.database, embedder);
      const order = missing >= OLDEST_FIRST_FROM ? "oldest" : "newest";
      let next = missing > 0 ? await this.nextBatch(embed, undefined, order) : null;
      // Counted only when something is missing: a refresh finds nothing more often than not.
      buildIndexAfter =
        next !== null && this.pgvector !== null && (await pgvectorBulk(this.deps, embedder, missing));
      if (buildIndexAfter) await dropPgvectorIndex(this.deps.database, embedder);
      deferred =
        next !== null &&
        index !== null &&
        options.bulk === true &&
        missing >= (this.deps.options.deferFrom ?? DEFER_FROM) &&
        index.defer();
      while (next) {
        const { papers, vectors } = next;
        const embedded = await vectors;
        const entries = papers.map((p, i) => ({
          id: p.id,
          vector: embedded[i] ?? new Float32Array(embedder.dimensions),
        }));
        const revision = await saveVectors(
          this.deps.database,
          embedder,
          entries.map((e) => ({ paperId: e.id, vector: e.vector })),
        );
        this.own.add(revision);
        next = total + papers.length < missing ? await this.nextBatch(embed, papers.at(-1)?.id, order) : null;
        index?.add(entries, 0);
        this.stored += index ? 0 : papers.length;
        total += papers.length;
        await onBatch(total);
        await this.save(false);
      }
      // Every paper written before this run began has a vector now (the run's own writes move the version, so
      // the next run looks once more, finds nothing, and settles).
      this.settled = version;
      this.settledRow = newestRow;
      return total;
    } finally {
      await bulk?.close();
      if (deferred && index) {
        index.settle();
        // Partitioned now: the snapshot saved last holds the vectors unsorted, and the next save must replace it.
        this.savedSize = 0;
      }
      if (this.pgvector && buildIndexAfter)
        await ensurePgvectorIndex(this.deps.database, this.pgvector, embedder);
    }
  }

  /**
   * The next papers without a vector past `cursor` in `order`, their embedding started; null when none is left.
   * Papers stored behind the cursor meanwhile are found by the next refresh.
   */
  private async nextBatch(
    embed: (texts: readonly EmbeddingText[]) => Promise<Float32Array[]>,
    cursor: string | undefined,
    order: "newest" | "oldest",
  ) {
    const { database } = this.deps;
    const papers = await papersWithoutVectors(database, this.embedder, EMBED_BATCH, cursor, order);
    if (papers.length === 0) return null;
    const vectors = embed(papers.map((p) => ({ title: p.title, body: p.abstract })));
    // Awaited by the caller after the last batch went into the index; a failure meanwhile is not an unhandled rejection.
    vectors.catch(() => undefined);
    return { papers, vectors };
  }

  /**
   * Saves the index when enough vectors arrived since its last save (see SAVE_FROM). At the end of a run
   * (`final`) a smaller remainder is enough: whatever a run leaves unsaved, every process starting later adds it
   * to its index again; only a few thousand more (a day's papers) wait for the next checkpoint.
   */
  async save(final: boolean): Promise<void> {
    const { files } = this.deps;
    const index = this.index;
    if (!files || !index) return;
    const grown = index.size - this.savedSize;
    const due =
      index.size >= SAVE_FROM && grown >= Math.max(SAVE_FROM, Math.min(this.savedSize, CHECKPOINT_MAX));
    const remainder = grown > 0 && grown >= Math.min(SAVE_FROM, this.savedSize / 10);
    if (!due && !(final && remainder)) return;
    await this.advance();
    await files.save(this.embedder, index, this.revision);
    this.savedSize = index.size;
  }

  /**
   * Moves the revision seen up to the latest one without reading anything when every revision between was
   * this process's own (a lone embedding run); otherwise catches up by reading what others stored.
   */
  private async advance(): Promise<void> {
    const mark = (await embeddingWatermark(this.deps.database, this.embedder.name)).revision;
    let onlyOwn = true;
    for (let revision = this.revision + 1; revision <= mark && onlyOwn; revision += 1)
      onlyOwn = this.own.has(revision);
    if (!onlyOwn) return this.addStored(mark);
    this.revision = Math.max(this.revision, mark);
    for (const revision of this.own) if (revision <= this.revision) this.own.delete(revision);
  }
}

/**
 * Whether a run with `missing` papers to embed (missingVectors: paper_vectors follows paper_embeddings once
 * backfilled) would build pgvector's index after it rather than insert (PGVECTOR_BULK).
 */
async function pgvectorBulk(
  deps: IndexedEmbedderDeps,
  embedder: Embedder,
  missing: number,
): Promise<boolean> {
  if (missing < (deps.options.pgvectorBulk ?? PGVECTOR_BULK)) return false;
  return missing >= (await countPgvectorsOfEmbedder(deps.database, embedder.name));
}
