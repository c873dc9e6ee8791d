import type { Clock } from "../../core/clock.js";
import type { Database } from "../../storage/database.js";
import { loadModel, saveModel } from "../../storage/embeddings.js";
import {
  loadCandidateModel,
  promoteCandidateModel,
  saveCandidateModel,
} from "../../storage/retrained-models.js";
import { LsaModel } from "../lsa/model.js";
import { sampleTexts } from "../lsa/sample.js";
import { LSA_DEFAULTS, type LsaOptions } from "../lsa/train.js";
import { trainOffThread } from "../lsa/train-off-thread.js";
import type { Embedder } from "./embedder.js";
import type { EmbedderSource } from "./source.js";

/** Below this many papers a trained vocabulary says little; semantic search waits for more. */
export const MIN_TRAINING_PAPERS = 20;

/**
 * The built-in LSA embedder: loaded from the database (so every process sharing it embeds alike), trained on the
 * instance's papers the first time there are enough of them, retrained on request (`paperboy index --retrain`) as a
 * candidate that is promoted once every paper has a vector from it.
 */
export class LsaSource implements EmbedderSource {
  private model: LsaModel | null = null;

  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly options: LsaOptions = LSA_DEFAULTS,
  ) {}

  async current(): Promise<LsaModel | null> {
    if (this.model) return this.model;
    const stored = await this.latest();
    if (stored) return stored;
    // First training: whichever process stores its model first wins, and every process adopts that one.
    const trained = await this.train();
    if (!trained) return null;
    await saveModel(this.database, { name: "lsa", ...trained.toStored() }, this.now(), { replace: false });
    return this.latest();
  }

  async latest(): Promise<LsaModel | null> {
    const stored = await loadModel(this.database, "lsa");
    if (!stored) return null;
    if (this.model?.version !== stored.version) this.model = LsaModel.fromStored(stored);
    return this.model;
  }

  async candidate(): Promise<LsaModel | null> {
    const stored = await loadCandidateModel(this.database, "lsa");
    if (stored) return LsaModel.fromStored(stored);
    const model = await this.train();
    if (!model) return null;
    await saveCandidateModel(this.database, "lsa", model.toStored(), this.now());
    return model;
  }

  async promote(candidate: Embedder): Promise<void> {
    await promoteCandidateModel(this.database, candidate, this.now());
    await this.latest();
  }

  private async train(): Promise<LsaModel | null> {
    const { texts, papers } = await sampleTexts(
      this.database,
      this.options.maxTrainingPapers,
      this.options.seed,
    );
    if (papers < MIN_TRAINING_PAPERS) return null;
    return trainOffThread(texts, papers, this.options);
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}
