import type { Database } from "../storage/database.js";
import { loadVectors, papersWithoutVectors, saveVectors } from "../storage/embeddings.js";
import type { Embedder } from "./embedders/embedder.js";
import type { EmbedderSource } from "./embedders/source.js";
import { type Feedback, NO_FEEDBACK, withFeedback } from "./hybrid.js";
import { type Match, VECTOR_INDEX_DEFAULTS, VectorIndex, type VectorIndexOptions } from "./vector-index.js";

/** Papers embedded and stored per round trip: big enough to amortise, small enough to keep memory flat. */
const EMBED_BATCH = 500;
/** Queries look for newly arrived papers at most this often: the look-up scans every paper (~20 ms at 75k). */
const REFRESH_INTERVAL_MS = 30_000;

/**
 * Semantic search state for one process: the embedder in use and an in-memory index of its stored vectors,
 * topped up with papers that arrived since (embedded, stored, indexed) on each refresh.
 */
export class SemanticIndex {
  private embedder: Embedder | null = null;
  private index: VectorIndex | null = null;
  private loading: Promise<void> | null = null;
  private refreshedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly database: Database,
    private readonly source: EmbedderSource,
    private readonly options: VectorIndexOptions = VECTOR_INDEX_DEFAULTS,
  ) {}

  /** The embedder's identity, or null before there is one. */
  get identity(): { name: string; version: string } | null {
    return this.embedder ? { name: this.embedder.name, version: this.embedder.version } : null;
  }

  get size(): number {
    return this.index?.size ?? 0;
  }

  get vectors(): VectorIndex | null {
    return this.index;
  }

  /** Loads the embedder and stored vectors once, then embeds whatever papers have no vector yet. */
  async refresh(): Promise<number> {
    if (!this.index) {
      this.loading ??= this.load();
      await this.loading;
    }
    this.refreshedAt = performance.now();
    return this.embedMissing();
  }

  private async refreshIfDue(): Promise<void> {
    if (!this.index || performance.now() - this.refreshedAt > REFRESH_INTERVAL_MS) await this.refresh();
  }

  /** Retrains (built-in embedders) and re-embeds every paper. */
  async rebuild(): Promise<number> {
    this.embedder = await this.source.rebuild();
    this.index = this.embedder ? new VectorIndex(this.embedder.dimensions, this.options) : null;
    this.loading = Promise.resolve();
    return this.embedMissing();
  }

  /** The papers nearest to a text, its vector pulled towards the feedback papers' (see hybrid.ts). */
  async searchText(text: string, k: number, feedback: Feedback = NO_FEEDBACK): Promise<Match[]> {
    await this.refreshIfDue();
    const index = this.index;
    if (!this.embedder || !index || text.trim() === "") return [];
    const [vector] = await this.embedder.embed([{ title: "", body: text }]);
    if (!vector) return [];
    const like = feedback.papers.flatMap((id) => index.vectorOf(id) ?? []);
    return index.search(withFeedback(vector, like, feedback.weight), k);
  }

  /** The papers nearest to a paper, itself left out. */
  async similar(id: string, k: number): Promise<Match[]> {
    await this.refreshIfDue();
    const vector = this.index?.vectorOf(id);
    if (!this.index || !vector) return [];
    return this.index.search(vector, k, new Set([id]));
  }

  private async load(): Promise<void> {
    this.embedder = await this.source.current();
    if (!this.embedder) {
      // Too few papers to train on yet: try again on a later refresh.
      this.loading = null;
      return;
    }
    // Remote embedders learn their dimensions from their first answer.
    if (this.embedder.dimensions === 0) await this.embedder.embed([{ title: "", body: "dimensions" }]);
    const index = new VectorIndex(this.embedder.dimensions, this.options);
    const stored = await loadVectors(this.database, this.embedder);
    index.add(stored.map((v) => ({ id: v.paperId, vector: v.vector })));
    this.index = index;
  }

  private async embedMissing(): Promise<number> {
    const { embedder, index } = this;
    if (!embedder || !index) return 0;
    let total = 0;
    for (;;) {
      const papers = await papersWithoutVectors(this.database, embedder, EMBED_BATCH);
      if (papers.length === 0) return total;
      const vectors = await embedder.embed(papers.map((p) => ({ title: p.title, body: p.abstract })));
      const entries = papers.map((p, i) => ({
        id: p.id,
        vector: vectors[i] ?? new Float32Array(embedder.dimensions),
      }));
      await saveVectors(
        this.database,
        embedder,
        entries.map((e) => ({ paperId: e.id, vector: e.vector })),
      );
      index.add(entries);
      total += papers.length;
    }
  }
}
