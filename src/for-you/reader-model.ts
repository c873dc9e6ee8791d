import { foldAuthorName } from "../core/author-name.js";
import { COLD_START_SIGNALS, type ForYouFollows, type ForYouModel, trainForYou } from "../ranking/for-you.js";
import { LikedIndex } from "../ranking/for-you-reasons.js";
import type { CorpusState, ForYouCorpus } from "./corpus.js";
import type { ForYouSignals } from "./reader-signals.js";

/** One reader's trained state, kept until their signals or the corpus change. */
export interface ReaderModel {
  readonly fingerprint: string;
  readonly generation: number;
  readonly signalCount: number;
  readonly coldStart: boolean;
  readonly model: ForYouModel | null;
  readonly follows: ForYouFollows;
  readonly liked: LikedIndex;
  /** Papers the reader already liked or rejected: For you never offers them again. */
  readonly hidden: ReadonlySet<string>;
  /** Milliseconds the last training took (reading features included). */
  readonly trainingMs: number;
}

function followsOf(signals: ForYouSignals): ForYouFollows {
  return {
    authors: signals.authors.map((a) => ({ name: a.name, folded: foldAuthorName(a.key) })),
    categories: new Set(signals.categories),
  };
}

/** Trains the reader's model on their liked and rejected papers against the corpus's unrated sample. */
export async function trainReaderModel(
  corpus: ForYouCorpus,
  state: CorpusState,
  signals: ForYouSignals,
): Promise<ReaderModel> {
  const started = performance.now();
  const signal = new Map(signals.liked.map((l) => [l.paperId, l.signal]));
  const hidden = new Set([...signal.keys(), ...signals.notInterested]);
  const [liked, rejected] = await Promise.all([
    corpus.papers(state, [...signal.keys()]),
    corpus.papers(state, signals.notInterested),
  ]);
  const model = trainForYou({
    liked: liked.map((p) => p.features),
    notInterested: rejected.map((p) => p.features),
    unrated: state.sample.filter((p) => !hidden.has(p.row.id)).map((p) => p.features),
    vectorDimensions: state.vectorDimensions,
  });
  const index = new LikedIndex(
    liked.map((p) => ({
      paperId: p.row.id,
      title: p.row.title,
      signal: signal.get(p.row.id) ?? "upvote",
      features: p.features,
    })),
    state.vectorDimensions,
  );
  return {
    fingerprint: signals.fingerprint,
    generation: state.generation,
    signalCount: signals.count,
    coldStart: signals.count < COLD_START_SIGNALS,
    model,
    follows: followsOf(signals),
    liked: index,
    hidden,
    trainingMs: performance.now() - started,
  };
}
