import { LRUCache } from "lru-cache";
import { type FoldedName, foldAuthorName } from "../core/author-name.js";
import { BLOCK_WEIGHTS, UNRATED_SAMPLE } from "../ranking/for-you.js";
import { paperFeatures, type TermStatistics, termStatistics } from "../ranking/for-you-features.js";
import type { SparseVector } from "../ranking/for-you-svm.js";
import type { Database } from "../storage/database.js";
import type { EmbedderIdentity } from "../storage/embedding-types.js";
import { allPaperIds, type ForYouPaperRow, forYouPapers } from "../storage/for-you-papers.js";

/** A paper with its feature vector and folded author names, as the model and the reasons read it. */
export interface FeaturedPaper {
  readonly row: ForYouPaperRow;
  readonly features: SparseVector;
  readonly authors: readonly FoldedName[];
}

/** The shared ground every reader's model stands on: the unrated sample, its term statistics, an embedder. */
export interface CorpusState {
  /** Grows each time the state is rebuilt: models and rankings of an older one are stale. */
  readonly generation: number;
  readonly embedder: EmbedderIdentity | null;
  readonly vectorDimensions: number;
  readonly statistics: TermStatistics;
  readonly sample: readonly FeaturedPaper[];
  readonly paperCount: number;
}

export interface CorpusDeps {
  readonly database: Database;
  /** The embedder in use (SemanticIndex.identity), or null before there is one. */
  embedder(): EmbedderIdentity | null;
}

/** Papers read per query: well under every backend's limit on bound parameters. */
const CHUNK = 900;
/** Feature vectors kept in memory: the sample, some days of candidates and readers' liked papers. */
const CACHED_PAPERS = 30_000;

/** Every n-th paper in id order (ids grow with time, so the sample spans the instance's years evenly). */
function everyNth(ids: readonly string[], count: number): string[] {
  if (ids.length <= count) return [...ids];
  const step = ids.length / count;
  return Array.from({ length: count }, (_, i) => ids[Math.floor(i * step)] ?? "");
}

/**
 * The For you corpus of one process: builds the shared state from the database, rebuilds it when the number of
 * papers or the embedder has changed (looked at most every `checkMs`), and keeps papers' feature vectors.
 */
export class ForYouCorpus {
  private state: CorpusState | null = null;
  private building: Promise<CorpusState> | null = null;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private readonly cache = new LRUCache<string, FeaturedPaper>({ max: CACHED_PAPERS });

  constructor(
    private readonly deps: CorpusDeps,
    private readonly checkMs: number,
  ) {}

  /** The current state, rebuilt first if the papers or the embedder changed since it was built. */
  async current(): Promise<CorpusState> {
    const state = this.state;
    if (state && performance.now() - this.checkedAt < this.checkMs) return state;
    this.building ??= this.refresh(state).finally(() => {
      this.building = null;
    });
    return this.building;
  }

  private async refresh(state: CorpusState | null): Promise<CorpusState> {
    this.checkedAt = performance.now();
    const ids = await allPaperIds(this.deps.database);
    const embedder = this.deps.embedder();
    if (state && state.paperCount === ids.length && sameEmbedder(state.embedder, embedder)) return state;
    this.cache.clear();
    const rows = await this.rows(everyNth(ids, UNRATED_SAMPLE), embedder);
    const statistics = termStatistics(rows);
    const vectorDimensions = rows.find((row) => row.vector)?.vector?.length ?? 0;
    const next: CorpusState = {
      generation: (state?.generation ?? 0) + 1,
      embedder,
      vectorDimensions,
      statistics,
      sample: [],
      paperCount: ids.length,
    };
    this.state = { ...next, sample: rows.map((row) => this.featured(next, row)) };
    return this.state;
  }

  /** The papers among `ids` with their features, in the order asked; unknown ids are left out. */
  async papers(state: CorpusState, ids: readonly string[]): Promise<FeaturedPaper[]> {
    const found = new Map<string, FeaturedPaper>();
    const missing: string[] = [];
    for (const id of ids) {
      const cached = this.cache.get(`${state.generation}:${id}`);
      if (cached) found.set(id, cached);
      else missing.push(id);
    }
    for (const row of await this.rows(missing, state.embedder)) found.set(row.id, this.featured(state, row));
    return ids.flatMap((id) => found.get(id) ?? []);
  }

  /** Features of a row, kept unless the paper still waits for its vector (then it is read again next time). */
  private featured(state: CorpusState, row: ForYouPaperRow): FeaturedPaper {
    const paper = {
      row,
      features: paperFeatures(row, state.statistics, BLOCK_WEIGHTS),
      authors: row.authors.map(foldAuthorName),
    };
    if (row.vector || !state.embedder) this.cache.set(`${state.generation}:${row.id}`, paper);
    return paper;
  }

  private async rows(ids: readonly string[], embedder: EmbedderIdentity | null): Promise<ForYouPaperRow[]> {
    const out: ForYouPaperRow[] = [];
    for (let i = 0; i < ids.length; i += CHUNK)
      out.push(...(await forYouPapers(this.deps.database, ids.slice(i, i + CHUNK), embedder)));
    return out;
  }
}

function sameEmbedder(a: EmbedderIdentity | null, b: EmbedderIdentity | null): boolean {
  return a?.name === b?.name && a?.version === b?.version;
}
