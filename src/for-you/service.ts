import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import { dataVersion } from "../storage/data-version.js";
import type { Database } from "../storage/database.js";
import type { EmbedderIdentity } from "../storage/embedding-types.js";
import { type CorpusState, ForYouCorpus } from "./corpus.js";
import { type RankedPapers, rankByModel, rankColdStart } from "./rank.js";
import { type ReaderModel, trainReaderModel } from "./reader-model.js";
import { forYouSignals } from "./reader-signals.js";

export interface ForYouDeps {
  readonly database: Database;
  /** The embedder in use (SemanticIndex.identity), or null before there is one. */
  embedder(): EmbedderIdentity | null;
  /** Trending scores of the papers trending now: the cold-start order. */
  trendingScores(): Promise<ReadonlyMap<string, number>>;
}

/** A reader's For you over some candidate papers: every candidate they have not rated yet, best first. */
export interface ForYouRanking extends RankedPapers {
  readonly coldStart: boolean;
  readonly signalCount: number;
}

/** Readers whose models stay in memory; the least recently ranked are dropped first and retrained on return. */
const KEPT_READERS = 2000;
/** Rankings kept (a reader has a few: the For you page, a triage day, a digest period). */
const KEPT_RANKINGS = 4000;
/** How often the corpus looks for new papers or a new embedder (tests look every time). */
export const CORPUS_CHECK_MS = 60_000;

const digestOf = (ids: readonly string[]) => createHash("sha256").update(ids.join(",")).digest("base64url");

/**
 * For you for one process: keeps each reader's model until their signals (or the corpus) change, and each
 * ranking until its candidates change too, so a page view costs reading the signals and the candidates' ids.
 */
export class ForYouService {
  readonly corpus: ForYouCorpus;
  private readonly readers = new LRUCache<number, ReaderModel>({ max: KEPT_READERS });
  /** The version (see `version`) each kept reader's signals were last read at: unchanged, they stand. */
  private readonly signalsReadAt = new LRUCache<number, string>({ max: KEPT_READERS });
  private readonly rankings = new LRUCache<string, { reader: ReaderModel; ranking: ForYouRanking }>({
    max: KEPT_RANKINGS,
  });

  constructor(
    private readonly deps: ForYouDeps,
    corpusCheckMs = CORPUS_CHECK_MS,
  ) {
    this.corpus = new ForYouCorpus(deps, corpusCheckMs);
  }

  /**
   * The reader's ranking of these candidate papers (their order does not matter). Papers the reader already
   * liked or rejected are left out, unless `keepRated` (a view that lists every paper of a day, only in the
   * reader's order).
   */
  async rank(accountId: number, candidateIds: readonly string[], keepRated = false): Promise<ForYouRanking> {
    const state = await this.corpus.current();
    const reader = await this.reader(accountId, state);
    const ids = [...new Set(candidateIds)].filter((id) => keepRated || !reader.hidden.has(id)).sort();
    const key = `${accountId}:${keepRated ? "all" : "unrated"}:${digestOf(ids)}`;
    const kept = this.rankings.get(key);
    if (kept?.reader === reader) return kept.ranking;
    const papers = await this.corpus.papers(state, ids);
    const ranked = reader.coldStart
      ? rankColdStart(reader, papers, await this.deps.trendingScores())
      : rankByModel(reader, papers, state.vectorDimensions);
    const ranking = { ...ranked, coldStart: reader.coldStart, signalCount: reader.signalCount };
    this.rankings.set(key, { reader, ranking });
    return ranking;
  }

  /**
   * What everything For you answers is a function of: the data version (storage/data-version.ts: any write
   * a page could show, signals included, by any process) and the embedder in use. Equal values, equal answers.
   */
  async version(): Promise<string> {
    const embedder = this.deps.embedder();
    return `${await dataVersion(this.deps.database)} ${embedder?.name ?? ""} ${embedder?.version ?? ""}`;
  }

  /**
   * The reader's model, trained again only if their signals or the corpus changed since it was trained. The
   * signals are not even read while nothing was written since they last were.
   */
  async reader(accountId: number, state: CorpusState): Promise<ReaderModel> {
    const version = await this.version();
    const kept = this.readers.get(accountId);
    const current = kept?.generation === state.generation ? kept : undefined;
    if (current && this.signalsReadAt.get(accountId) === version) return current;
    const signals = await forYouSignals(this.deps.database, accountId);
    this.signalsReadAt.set(accountId, version);
    if (current && current.fingerprint === signals.fingerprint) return current;
    const reader = await trainReaderModel(this.corpus, state, signals);
    this.readers.set(accountId, reader);
    return reader;
  }
}
